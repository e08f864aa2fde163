import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Organisation, OrganisationWrite } from '../../../shared/contracts/organisations';
import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../../shared/domain/organisations/kinds';
import { api } from './client';

export interface OrganisationFilter {
  q?: string;
  kind?: OrganisationKind;
  on?: string;
}

interface OrganisationList {
  items: Organisation[];
}

export interface GroupMembers {
  key: OrganisationGroupKey;
  label: string;
  on: string;
  members: Organisation[];
}

export const ORGS_KEY = 'organisations';

export function useOrganisationList(filter: OrganisationFilter) {
  return useQuery({
    queryKey: [ORGS_KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<OrganisationList>('/api/organisations', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The whole registry, unfiltered: feeds pickers and resolves ids (parent, successor) to names. */
export function useAllOrganisations() {
  return useQuery({
    queryKey: [ORGS_KEY, 'all'],
    queryFn: ({ signal }) => api.get<OrganisationList>('/api/organisations', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useGroupMembers(key: OrganisationGroupKey | null, on: string) {
  return useQuery({
    queryKey: [ORGS_KEY, 'group', key, on],
    queryFn: ({ signal }) =>
      api.get<GroupMembers>(`/api/organisation-groups/${key ?? ''}/members`, { on }, signal),
    enabled: key !== null,
  });
}

export function useSaveOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id: number | null; data: OrganisationWrite }) =>
      id === null
        ? api.post<Organisation>('/api/organisations', data)
        : api.patch<Organisation>(`/api/organisations/${id}`, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ORGS_KEY] }),
  });
}
