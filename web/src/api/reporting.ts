import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  compareVersionsResponseSchema,
  directiveListResponseSchema,
  ExtendPeriodRequest,
  OpenPeriodRequest,
  periodListResponseSchema,
  periodProposalsResponseSchema,
  periodRatesResponseSchema,
  planRatesResponseSchema,
  ReportDetail,
  ReportListQuery,
  ResubmitEntryRequest,
  ReviewEntryRequest,
  reportListResponseSchema,
  reportVersionListResponseSchema,
  SaveReportRequest,
  taskHistoryResponseSchema,
} from '../../../shared/contracts/reporting';
import { typedApi } from './typed';

export type PeriodList = z.infer<typeof periodListResponseSchema>;
export type PeriodProposals = z.infer<typeof periodProposalsResponseSchema>;
export type PeriodProposal = PeriodProposals['items'][number];
export type ReportList = z.infer<typeof reportListResponseSchema>;
export type ReportVersionList = z.infer<typeof reportVersionListResponseSchema>;
export type VersionComparison = z.infer<typeof compareVersionsResponseSchema>;
export type DirectiveList = z.infer<typeof directiveListResponseSchema>;
export type TaskHistory = z.infer<typeof taskHistoryResponseSchema>;
export type PeriodRates = z.infer<typeof periodRatesResponseSchema>;
export type PlanRates = z.infer<typeof planRatesResponseSchema>;

/** The report list filter as pages hold it: every filter optional, paging always set. */
export type ReportFilter = Partial<Omit<ReportListQuery, 'page' | 'pageSize'>> & {
  page: number;
  pageSize: number;
};

export const REPORTING_KEY = 'reporting';

// ---------------------------------------------------------------- periods

export function usePlanPeriods(planId: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'periods', planId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/reporting-periods', { path: { id: planId ?? 0 }, signal }),
    enabled: planId !== undefined,
  });
}

export function usePeriodProposals(planId: number, enabled: boolean) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'proposals', planId],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/reporting-periods/proposals', { path: { id: planId }, signal }),
    enabled,
  });
}

function useInvalidateReporting() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [REPORTING_KEY] });
}

export function useOpenPeriod(planId: number) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (input: OpenPeriodRequest) =>
      typedApi.post('/api/plans/{id}/reporting-periods', { path: { id: planId }, body: input }),
    onSuccess: invalidate,
  });
}

export function useExtendPeriod() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ periodId, input }: { periodId: number; input: ExtendPeriodRequest }) =>
      typedApi.post('/api/reporting-periods/{id}/extend', { path: { id: periodId }, body: input }),
    onSuccess: invalidate,
  });
}

/** Close (agencies can no longer edit or send), reopen, or add reports for agencies that gained tasks. */
export function usePeriodAction() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ periodId, action }: { periodId: number; action: 'close' | 'reopen' | 'refresh' }) =>
      typedApi.post(`/api/reporting-periods/{id}/${action}`, { path: { id: periodId } }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- rates

export function usePeriodRates(periodId: number | undefined, agencyAs: 'plan' | 'now' = 'now') {
  return useQuery({
    queryKey: [REPORTING_KEY, 'period-rates', periodId, agencyAs],
    queryFn: ({ signal }) =>
      typedApi.get('/api/reporting-periods/{id}/rates', {
        path: { id: periodId ?? 0 },
        query: { agencyAs },
        signal,
      }),
    enabled: periodId !== undefined,
  });
}

export function usePlanRates(planId: number | undefined, agencyAs: 'plan' | 'now' = 'now') {
  return useQuery({
    queryKey: [REPORTING_KEY, 'plan-rates', planId, agencyAs],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/reporting-rates', {
        path: { id: planId ?? 0 },
        query: { agencyAs },
        signal,
      }),
    enabled: planId !== undefined,
  });
}

// ---------------------------------------------------------------- reports

export function useReportList(filter: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'reports', filter],
    queryFn: ({ signal }) => typedApi.get('/api/reports', { query: filter, signal }),
    // Keep the old page visible while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled,
  });
}

export function reportQueryKey(reportId: number) {
  return [REPORTING_KEY, 'report', reportId] as const;
}

export function useReport(reportId: number) {
  return useQuery({
    queryKey: reportQueryKey(reportId),
    queryFn: ({ signal }) => typedApi.get('/api/reports/{id}', { path: { id: reportId }, signal }),
    // Reports change hands (sent, returned, accepted by someone else): opening one always asks the server.
    // The form keeps its own working copy, so a refetch never replaces what the user is typing.
    refetchOnMount: 'always',
  });
}

export function fetchReport(reportId: number): Promise<ReportDetail> {
  return typedApi.get('/api/reports/{id}', { path: { id: reportId } });
}

/** Draft save: the caller applies the answer itself (the form decides what is still unsaved). */
export function saveReport(reportId: number, input: SaveReportRequest): Promise<ReportDetail> {
  return typedApi.patch('/api/reports/{id}', { path: { id: reportId }, body: input });
}

/** Submit / accept / return answer with the report as it now is; show it at once and refresh the lists. */
function useReportAction<TInput extends { reportId: number; version: number }>(
  action: 'submit' | 'accept' | 'return',
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: TInput) =>
      typedApi.post(`/api/reports/{id}/${action}`, { path: { id: reportId }, body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportQueryKey(detail.id), detail);
      void queryClient.invalidateQueries({
        queryKey: [REPORTING_KEY],
        predicate: (q) => q.queryKey[1] !== 'report',
      });
    },
  });
}

export function useSubmitReport() {
  return useReportAction<{ reportId: number; version: number }>('submit');
}

export function useAcceptReport() {
  return useReportAction<{ reportId: number; version: number }>('accept');
}

export function useReturnReport() {
  return useReportAction<{ reportId: number; version: number; reason: string }>('return');
}

/** Accept or return one task's entry (coordinator), or send a returned one again (agency). */
export function useEntryAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      v:
        | { kind: 'review'; reportId: number; entryId: number; body: ReviewEntryRequest }
        | { kind: 'resubmit'; reportId: number; entryId: number; body: ResubmitEntryRequest },
    ) =>
      v.kind === 'review'
        ? typedApi.post('/api/reports/{id}/entries/{entryId}/review', {
            path: { id: v.reportId, entryId: v.entryId },
            body: v.body,
          })
        : typedApi.post('/api/reports/{id}/entries/{entryId}/resubmit', {
            path: { id: v.reportId, entryId: v.entryId },
            body: v.body,
          }),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportQueryKey(detail.id), detail);
      void queryClient.invalidateQueries({
        queryKey: [REPORTING_KEY],
        predicate: (q) => q.queryKey[1] !== 'report',
      });
    },
  });
}

// ---------------------------------------------------------------- versions

export function useReportVersions(reportId: number) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'versions', reportId],
    queryFn: ({ signal }) => typedApi.get('/api/reports/{id}/versions', { path: { id: reportId }, signal }),
  });
}

export function useReportVersion(reportId: number, versionNo: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'version', reportId, versionNo],
    queryFn: ({ signal }) =>
      typedApi.get('/api/reports/{id}/versions/{versionNo}', {
        path: { id: reportId, versionNo: versionNo ?? 0 },
        signal,
      }),
    enabled: versionNo !== undefined,
  });
}

export function useVersionComparison(reportId: number, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'compare', reportId, from, to],
    queryFn: ({ signal }) =>
      typedApi.get('/api/reports/{id}/versions/compare', {
        path: { id: reportId },
        query: { from: from ?? 0, to: to ?? 0 },
        signal,
      }),
    enabled: from !== undefined && to !== undefined,
  });
}

// ---------------------------------------------------------------- attachments

export function useUploadAttachment(reportId: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/reports/{id}/attachments', { path: { id: reportId }, form });
    },
  });
}

// ---------------------------------------------------------------- directives

export type DirectiveTarget = { kind: 'task'; taskId: number } | { kind: 'report'; reportId: number };

function directivesKey(target: DirectiveTarget) {
  return [REPORTING_KEY, 'directives', target.kind, target.kind === 'task' ? target.taskId : target.reportId];
}

export function useDirectives(target: DirectiveTarget, enabled = true) {
  return useQuery({
    queryKey: directivesKey(target),
    queryFn: ({ signal }) =>
      target.kind === 'task'
        ? typedApi.get('/api/tasks/{id}/directives', {
            path: { id: target.taskId },
            query: { page: 1, pageSize: 200 },
            signal,
          })
        : typedApi.get('/api/reports/{id}/directives', {
            path: { id: target.reportId },
            query: { page: 1, pageSize: 200 },
            signal,
          }),
    enabled,
  });
}

export function useAddDirective(target: DirectiveTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      target.kind === 'task'
        ? typedApi.post('/api/tasks/{id}/directives', { path: { id: target.taskId }, body: { text } })
        : typedApi.post('/api/reports/{id}/directives', { path: { id: target.reportId }, body: { text } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directivesKey(target) }),
  });
}

// ---------------------------------------------------------------- task history

export function useTaskHistory(taskId: number) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'task-history', taskId],
    queryFn: ({ signal }) => typedApi.get('/api/tasks/{id}/history', { path: { id: taskId }, signal }),
  });
}
