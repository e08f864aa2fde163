import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditFilterQuery } from '../../../shared/contracts/audit';
import { typedApi } from './typed';

export type AuditFilter = AuditFilterQuery & { page: number; pageSize: number };

export function useAuditList(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => typedApi.get('/api/audit', { query: filter, signal }),
    placeholderData: keepPreviousData,
    // Every action elsewhere adds entries; the log should be current each time it is opened.
    staleTime: 0,
  });
}

/** The .xlsx of every entry the filter selects (no paging), for an inspector. */
export function auditWorkbookUrl(filter: AuditFilterQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') params.set(k, String(v));
  const q = params.toString();
  return `/api/audit/export.xlsx${q ? `?${q}` : ''}`;
}
