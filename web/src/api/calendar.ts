import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { typedApi } from './typed';

/** GET /api/calendar: task deadlines and report due dates between two dates, optionally of one agency. */
export function useCalendar(from: string, to: string, organisationId: number | null) {
  return useQuery({
    queryKey: ['calendar', from, to, organisationId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/calendar', {
        query: { from, to, ...(organisationId ? { organisationId } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
