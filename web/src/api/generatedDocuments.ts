import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GenerationJob } from '../../../shared/contracts/consolidated';
import type { StartReviewGenerationRequest } from '../../../shared/contracts/documents';
import { typedApi } from './typed';

/**
 * Documents generated as tracked jobs about a plan (its mid-term and final reviews) and about one
 * agency's report (its Word report). The period's own documents are in consolidated.ts.
 */
const KEY = 'generated-documents';
const reviewJobsKey = (planId: number) => [KEY, 'plan', planId];
const reportJobsKey = (reportId: number) => [KEY, 'report', reportId];

const unfinished = (jobs: readonly GenerationJob[] | undefined) =>
  (jobs ?? []).some((j) => j.status === 'queued' || j.status === 'running');

/** The plan's generated reviews, polled every second while one is queued or running. */
export function useReviewJobs(planId: number) {
  return useQuery({
    queryKey: reviewJobsKey(planId),
    queryFn: ({ signal }) => typedApi.get('/api/plans/{id}/review-jobs', { path: { id: planId }, signal }),
    refetchInterval: (q) => (unfinished(q.state.data?.items) ? 1000 : false),
  });
}

export function useStartReviewGeneration(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartReviewGenerationRequest) =>
      typedApi.post('/api/plans/{id}/review-jobs', { path: { id: planId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewJobsKey(planId) }),
  });
}

export const reviewFileUrl = (planId: number, jobId: number) =>
  `/api/plans/${planId}/review-jobs/${jobId}/file`;

/** The review's data as a workbook, one sheet per part. */
export const reviewDataUrl = (planId: number, kind: 'midterm' | 'final', year: number) =>
  `/api/plans/${planId}/review-report.xlsx?kind=${kind}&year=${year}`;

/** The Word reports generated from an agency's report, polled while one is being made. */
export function useReportJobs(reportId: number) {
  return useQuery({
    queryKey: reportJobsKey(reportId),
    queryFn: ({ signal }) =>
      typedApi.get('/api/reports/{id}/generation-jobs', { path: { id: reportId }, signal }),
    refetchInterval: (q) => (unfinished(q.state.data?.items) ? 1000 : false),
  });
}

export function useStartReportGeneration(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => typedApi.post('/api/reports/{id}/generation-jobs', { path: { id: reportId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportJobsKey(reportId) }),
  });
}

export const reportJobFileUrl = (reportId: number, jobId: number) =>
  `/api/reports/${reportId}/generation-jobs/${jobId}/file`;

/** The report's tasks and results as a workbook. */
export const reportDataUrl = (reportId: number) => `/api/reports/${reportId}/document.xlsx`;
