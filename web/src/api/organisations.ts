import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommuneImportRequest,
  Organisation,
  OrganisationWrite,
} from '../../../shared/contracts/organisations';
import type { OrganisationGroupKey } from '../../../shared/domain/organisations/groups';
import type { OrganisationKind } from '../../../shared/domain/organisations/kinds';
import { typedApi } from './typed';

export interface OrganisationFilter {
  q?: string;
  kind?: OrganisationKind;
  on?: string;
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
    queryFn: ({ signal }) => typedApi.get('/api/organisations', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The whole registry, unfiltered: feeds pickers and resolves ids (parent, successor) to names. */
export function useAllOrganisations() {
  return useQuery({
    queryKey: [ORGS_KEY, 'all'],
    queryFn: ({ signal }) => typedApi.get('/api/organisations', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useGroupMembers(key: OrganisationGroupKey | null, on: string) {
  return useQuery({
    queryKey: [ORGS_KEY, 'group', key, on],
    queryFn: ({ signal }) =>
      typedApi.get('/api/organisation-groups/{key}/members', { path: { key: key! }, query: { on }, signal }),
    enabled: key !== null,
  });
}

export function useSaveOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id: number | null; data: OrganisationWrite }) =>
      id === null
        ? typedApi.post('/api/organisations', { body: data })
        : typedApi.patch('/api/organisations/{id}', { path: { id }, body: data }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ORGS_KEY] }),
  });
}

/** A province's list of commune-level units (admin): dry run first, then the load itself. */
export function useLoadCommunes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommuneImportRequest) => typedApi.post('/api/organisations/communes', { body }),
    onSuccess: (r) => {
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: [ORGS_KEY] });
    },
  });
}
