import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../shared/contracts/audit';
import { api } from './client';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

interface AuditList {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAuditList(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api.get<AuditList>('/api/audit', { ...filter }, signal),
    placeholderData: keepPreviousData,
    // Every action elsewhere adds entries; the log should be current each time it is opened.
    staleTime: 0,
  });
}
