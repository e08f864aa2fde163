import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { typedApi } from './typed';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export function useAuditList(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => typedApi.get('/api/audit', { query: filter, signal }),
    placeholderData: keepPreviousData,
    // Every action elsewhere adds entries; the log should be current each time it is opened.
    staleTime: 0,
  });
}
