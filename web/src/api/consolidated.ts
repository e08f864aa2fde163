import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GenerationJob,
  NarrativeResponse,
  NarrativeSection,
} from '../../../shared/contracts/consolidated';
import { typedApi } from './typed';

/** A period's consolidated report: its narrative sections and the documents generated from it. */
const KEY = 'consolidated';

export const narrativeKey = (periodId: number) => [KEY, 'narrative', periodId];
const jobsKey = (periodId: number) => [KEY, 'jobs', periodId];

export function useNarrative(periodId: number | undefined) {
  return useQuery({
    queryKey: narrativeKey(periodId ?? 0),
    queryFn: ({ signal }) =>
      typedApi.get('/api/reporting-periods/{id}/narrative', { path: { id: periodId ?? 0 }, signal }),
    enabled: periodId !== undefined,
  });
}

/** Saves a section's text, or puts it back to the draft (`text: null`); the answer replaces the cache. */
export function useSaveNarrative(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      section,
      version,
      text,
    }: {
      section: NarrativeSection;
      version: number;
      text: string | null;
    }): Promise<NarrativeResponse> =>
      text === null
        ? typedApi.post('/api/reporting-periods/{id}/narrative/{section}/reset', {
            path: { id: periodId, section },
            body: { version },
          })
        : typedApi.put('/api/reporting-periods/{id}/narrative/{section}', {
            path: { id: periodId, section },
            body: { version, text },
          }),
    onSuccess: (data) => queryClient.setQueryData(narrativeKey(periodId), data),
  });
}

const unfinished = (jobs: readonly GenerationJob[] | undefined) =>
  (jobs ?? []).some((j) => j.status === 'queued' || j.status === 'running');

/** The period's generations, polled every second while one is queued or running. */
export function useGenerationJobs(periodId: number | undefined) {
  return useQuery({
    queryKey: jobsKey(periodId ?? 0),
    queryFn: ({ signal }) =>
      typedApi.get('/api/reporting-periods/{id}/generation-jobs', { path: { id: periodId ?? 0 }, signal }),
    enabled: periodId !== undefined,
    refetchInterval: (q) => (unfinished(q.state.data?.items) ? 1000 : false),
  });
}

export function useStartGeneration(periodId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      typedApi.post('/api/reporting-periods/{id}/generation-jobs', {
        path: { id: periodId },
        body: { kind: 'consolidated' },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKey(periodId) }),
  });
}

/** Where a generated file is downloaded from (a plain link: the browser saves it with its name). */
export const generatedFileUrl = (periodId: number, jobId: number) =>
  `/api/reporting-periods/${periodId}/generation-jobs/${jobId}/file`;
