import { useQuery } from '@tanstack/react-query';
import { REPORTING_KEY } from './reporting';
import { typedApi } from './typed';

/** GET /api/my-work/agenda: the reporter's reports to send and the agency's overdue tasks. */
export function useReporterAgenda(enabled = true) {
  return useQuery({
    // Under the reporting key, so saving or submitting a report refreshes the home page too.
    queryKey: [REPORTING_KEY, 'agenda'],
    queryFn: ({ signal }) => typedApi.get('/api/my-work/agenda', { signal }),
    refetchOnMount: 'always',
    enabled,
  });
}
