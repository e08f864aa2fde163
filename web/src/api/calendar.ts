import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CalendarEventKind } from '../../../shared/contracts/calendar';
import { typedApi } from './typed';

/** GET /api/calendar: how many task deadlines and report due dates fall on each day between two dates. */
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

/** GET /api/calendar/day: a day's task deadlines or report due dates, a page at a time ("Xem thêm"). */
export function useCalendarDay(date: string, kind: CalendarEventKind, organisationId: number | null) {
  return useInfiniteQuery({
    queryKey: ['calendar', 'day', date, kind, organisationId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      typedApi.get('/api/calendar/day', {
        query: {
          date,
          kind,
          ...(pageParam ? { after: pageParam } : {}),
          ...(organisationId ? { organisationId } : {}),
        },
        signal,
      }),
    getNextPageParam: (last) => last.next,
  });
}
