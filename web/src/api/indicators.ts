import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateValueRequest,
  IndicatorDetail,
  ReviewValueRequest,
  UpdateIndicatorRequest,
} from '../../../shared/contracts/indicators';
import { typedApi } from './typed';

export const INDICATORS_KEY = 'indicators';

export interface IndicatorFilter {
  q?: string;
  page: number;
  pageSize: number;
}

export function usePlanIndicators(planId: number, filter: IndicatorFilter) {
  return useQuery({
    queryKey: [INDICATORS_KEY, 'plan', planId, filter],
    queryFn: ({ signal }) =>
      typedApi.get('/api/plans/{id}/indicators', { path: { id: planId }, query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(id: number) {
  return useQuery({
    queryKey: [INDICATORS_KEY, 'detail', id],
    queryFn: ({ signal }) => typedApi.get('/api/indicators/{id}', { path: { id }, signal }),
  });
}

/** Values agencies entered that wait for the coordinator, across the plans their agency consolidates. */
export function usePendingValues(page: number, pageSize = 10) {
  return useQuery({
    queryKey: [INDICATORS_KEY, 'pending', page, pageSize],
    queryFn: ({ signal }) =>
      typedApi.get('/api/indicator-values/pending', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every write answers with the indicator as it now is: show it at once, and refresh the plan's list. */
function useIndicatorWrite<TInput>(send: (input: TInput) => Promise<IndicatorDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData([INDICATORS_KEY, 'detail', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: [INDICATORS_KEY, 'plan', detail.planId] });
      void queryClient.invalidateQueries({ queryKey: [INDICATORS_KEY, 'pending'] });
    },
  });
}

export function useUpdateIndicator(id: number) {
  return useIndicatorWrite((input: UpdateIndicatorRequest) =>
    typedApi.patch('/api/indicators/{id}', { path: { id }, body: input }),
  );
}

export function useAddValue(indicatorId: number) {
  return useIndicatorWrite((input: CreateValueRequest) =>
    typedApi.post('/api/indicators/{id}/values', { path: { id: indicatorId }, body: input }),
  );
}

export function useReviewValue() {
  return useIndicatorWrite((input: ReviewValueRequest & { valueId: number }) => {
    const { valueId, ...body } = input;
    return typedApi.post('/api/indicator-values/{id}/review', { path: { id: valueId }, body });
  });
}

export function useImportValues(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/plans/{id}/indicator-values/import', { path: { id: planId }, form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INDICATORS_KEY] }),
  });
}

/** The plan's values and evaluations as an .xlsx download. */
export function valuesWorkbookUrl(planId: number): string {
  return `/api/plans/${planId}/indicator-values.xlsx`;
}
