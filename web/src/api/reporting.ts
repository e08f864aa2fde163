import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Attachment,
  compareVersionsResponseSchema,
  Directive,
  directiveListResponseSchema,
  ExtendPeriodRequest,
  OpenPeriodRequest,
  Period,
  periodListResponseSchema,
  periodProposalsResponseSchema,
  periodRatesResponseSchema,
  planRatesResponseSchema,
  ReportDetail,
  ReportListQuery,
  ReportVersion,
  reportListResponseSchema,
  reportVersionListResponseSchema,
  SaveReportRequest,
  taskHistoryResponseSchema,
} from '../../../shared/contracts/reporting';
import { api } from './client';

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

/**
 * Every address of the reporting API in one place, as the server's route files under
 * server/modules/reporting/ declare them (all below the /api prefix).
 */
const paths = {
  planPeriods: (planId: number) => `/api/plans/${planId}/reporting-periods`,
  planProposals: (planId: number) => `/api/plans/${planId}/reporting-periods/proposals`,
  planRates: (planId: number) => `/api/plans/${planId}/reporting-rates`,
  period: (periodId: number) => `/api/reporting-periods/${periodId}`,
  periodAction: (periodId: number, action: 'extend' | 'close' | 'reopen' | 'refresh') =>
    `/api/reporting-periods/${periodId}/${action}`,
  periodRates: (periodId: number) => `/api/reporting-periods/${periodId}/rates`,
  reports: '/api/reports',
  report: (reportId: number) => `/api/reports/${reportId}`,
  reportAction: (reportId: number, action: 'submit' | 'accept' | 'return') =>
    `/api/reports/${reportId}/${action}`,
  reportVersions: (reportId: number) => `/api/reports/${reportId}/versions`,
  reportVersion: (reportId: number, versionNo: number) => `/api/reports/${reportId}/versions/${versionNo}`,
  reportCompare: (reportId: number) => `/api/reports/${reportId}/versions/compare`,
  reportAttachments: (reportId: number) => `/api/reports/${reportId}/attachments`,
  reportDirectives: (reportId: number) => `/api/reports/${reportId}/directives`,
  taskDirectives: (taskId: number) => `/api/tasks/${taskId}/directives`,
  taskHistory: (taskId: number) => `/api/tasks/${taskId}/history`,
};

// ---------------------------------------------------------------- periods

export function usePlanPeriods(planId: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'periods', planId],
    queryFn: ({ signal }) => api.get<PeriodList>(paths.planPeriods(planId ?? 0), undefined, signal),
    enabled: planId !== undefined,
  });
}

export function usePeriodProposals(planId: number, enabled: boolean) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'proposals', planId],
    queryFn: ({ signal }) => api.get<PeriodProposals>(paths.planProposals(planId), undefined, signal),
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
    mutationFn: (input: OpenPeriodRequest) => api.post<Period>(paths.planPeriods(planId), input),
    onSuccess: invalidate,
  });
}

export function useExtendPeriod() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ periodId, input }: { periodId: number; input: ExtendPeriodRequest }) =>
      api.post<Period>(paths.periodAction(periodId, 'extend'), input),
    onSuccess: invalidate,
  });
}

/** Close (agencies can no longer edit or send), reopen, or add reports for agencies that gained tasks. */
export function usePeriodAction() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: ({ periodId, action }: { periodId: number; action: 'close' | 'reopen' | 'refresh' }) =>
      api.post<Period>(paths.periodAction(periodId, action)),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- rates

export function usePeriodRates(periodId: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'period-rates', periodId],
    queryFn: ({ signal }) => api.get<PeriodRates>(paths.periodRates(periodId ?? 0), undefined, signal),
    enabled: periodId !== undefined,
  });
}

export function usePlanRates(planId: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'plan-rates', planId],
    queryFn: ({ signal }) => api.get<PlanRates>(paths.planRates(planId ?? 0), undefined, signal),
    enabled: planId !== undefined,
  });
}

// ---------------------------------------------------------------- reports

export function useReportList(filter: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'reports', filter],
    queryFn: ({ signal }) => api.get<ReportList>(paths.reports, { ...filter }, signal),
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
    queryFn: ({ signal }) => api.get<ReportDetail>(paths.report(reportId), undefined, signal),
    // Reports change hands (sent, returned, accepted by someone else): opening one always asks the server.
    // The form keeps its own working copy, so a refetch never replaces what the user is typing.
    refetchOnMount: 'always',
  });
}

export function fetchReport(reportId: number): Promise<ReportDetail> {
  return api.get<ReportDetail>(paths.report(reportId));
}

/** Draft save: the caller applies the answer itself (the form decides what is still unsaved). */
export function saveReport(reportId: number, input: SaveReportRequest): Promise<ReportDetail> {
  return api.patch<ReportDetail>(paths.report(reportId), input);
}

/** Submit / accept / return answer with the report as it now is; show it at once and refresh the lists. */
function useReportAction<TInput extends { reportId: number; version: number }>(
  action: 'submit' | 'accept' | 'return',
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: TInput) =>
      api.post<ReportDetail>(paths.reportAction(reportId, action), body),
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

// ---------------------------------------------------------------- versions

export function useReportVersions(reportId: number) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'versions', reportId],
    queryFn: ({ signal }) => api.get<ReportVersionList>(paths.reportVersions(reportId), undefined, signal),
  });
}

export function useReportVersion(reportId: number, versionNo: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'version', reportId, versionNo],
    queryFn: ({ signal }) =>
      api.get<ReportVersion>(paths.reportVersion(reportId, versionNo ?? 0), undefined, signal),
    enabled: versionNo !== undefined,
  });
}

export function useVersionComparison(reportId: number, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'compare', reportId, from, to],
    queryFn: ({ signal }) => api.get<VersionComparison>(paths.reportCompare(reportId), { from, to }, signal),
    enabled: from !== undefined && to !== undefined,
  });
}

// ---------------------------------------------------------------- attachments

export function useUploadAttachment(reportId: number) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Attachment>(paths.reportAttachments(reportId), form);
    },
  });
}

// ---------------------------------------------------------------- directives

export type DirectiveTarget = { kind: 'task'; taskId: number } | { kind: 'report'; reportId: number };

function directivesPath(target: DirectiveTarget): string {
  return target.kind === 'task'
    ? paths.taskDirectives(target.taskId)
    : paths.reportDirectives(target.reportId);
}

function directivesKey(target: DirectiveTarget) {
  return [REPORTING_KEY, 'directives', target.kind, target.kind === 'task' ? target.taskId : target.reportId];
}

export function useDirectives(target: DirectiveTarget, enabled = true) {
  return useQuery({
    queryKey: directivesKey(target),
    queryFn: ({ signal }) =>
      api.get<DirectiveList>(directivesPath(target), { page: 1, pageSize: 200 }, signal),
    enabled,
  });
}

export function useAddDirective(target: DirectiveTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<Directive>(directivesPath(target), { text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directivesKey(target) }),
  });
}

// ---------------------------------------------------------------- task history

export function useTaskHistory(taskId: number) {
  return useQuery({
    queryKey: [REPORTING_KEY, 'task-history', taskId],
    queryFn: ({ signal }) => api.get<TaskHistory>(paths.taskHistory(taskId), undefined, signal),
  });
}
