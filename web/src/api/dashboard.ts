import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardPlanQuery } from '../../../shared/contracts/dashboard';
import { typedApi } from './typed';

export const DASHBOARD_KEY = 'dashboard';

/** Every plan in one row, for the year. */
export function useDashboard(year: number | undefined) {
  return useQuery({
    queryKey: [DASHBOARD_KEY, 'plans', year],
    queryFn: ({ signal }) => typedApi.get('/api/dashboard', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One plan in depth, with the page's filters; nothing is fetched until a plan is chosen. */
export function useDashboardPlan(planId: number | undefined, filter: Partial<DashboardPlanQuery>) {
  return useQuery({
    queryKey: [DASHBOARD_KEY, 'plan', planId, filter],
    queryFn: ({ signal }) =>
      typedApi.get('/api/dashboard/plans/{id}', { path: { id: planId ?? 0 }, query: filter, signal }),
    enabled: planId !== undefined,
    placeholderData: keepPreviousData,
  });
}
