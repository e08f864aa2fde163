import { Button, Flex, Select } from 'antd';
import { useTaskFacets } from '../../api/plans';
import { AgencyAsToggle } from '../../components/AgencyAsToggle';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { PeriodSelect } from '../reporting/PeriodSelect';
import { PlanSelect } from '../reporting/PlanSelect';
import type { BoardState } from './boardParams';

/** Years offered: from five years back to next year (plans run for five years). */
function yearOptions(current: number) {
  return Array.from({ length: 7 }, (_, i) => current + 1 - i).map((y) => ({ value: y, label: `Năm ${y}` }));
}

/** Plan, year, period, agency and task group: every filter of the board, each labelled for screen readers. */
export function BoardFilters({
  state,
  planId,
  year,
  onChange,
}: {
  state: BoardState;
  planId: number | undefined;
  year: number;
  onChange: (next: BoardState) => void;
}) {
  const facets = useTaskFacets(planId ?? 0);
  const groups = planId ? (facets.data?.groups ?? []) : [];
  const set = (change: Partial<BoardState>) => onChange({ ...state, planId, ...change });
  const filtered = Boolean(state.periodId || state.organisationId || state.group || state.agencyAs);
  return (
    <Flex
      gap={12}
      wrap="wrap"
      style={{ marginBottom: 16 }}
      role="search"
      aria-label="Bộ lọc tổng quan kế hoạch"
      // On paper the chosen values print as one line of text (print.css), the controls do not.
      className="print-filter-values"
    >
      <PlanSelect
        aria-label="Kế hoạch"
        value={planId}
        // Another plan has other periods and groups: those filters start again.
        onChange={(id) => onChange({ year: state.year, planId: id, organisationId: state.organisationId })}
        style={{ width: 360, maxWidth: '100%' }}
      />
      <Select<number>
        aria-label="Năm"
        value={year}
        onChange={(y) => set({ year: y, periodId: undefined })}
        options={yearOptions(new Date().getFullYear())}
        style={{ width: 120 }}
      />
      <PeriodSelect
        aria-label="Kỳ báo cáo"
        planId={planId}
        value={state.periodId}
        onChange={(id) => set({ periodId: id, year: undefined })}
        allowClear
        placeholder="Kỳ đang mở"
        style={{ width: 280, maxWidth: '100%' }}
      />
      <OrganisationSelect
        aria-label="Cơ quan"
        value={state.organisationId ?? null}
        onChange={(id) => set({ organisationId: id ?? undefined })}
        allowClear
        placeholder="Mọi cơ quan"
        style={{ width: 280, maxWidth: '100%' }}
      />
      <Select<string>
        aria-label="Nhóm nhiệm vụ"
        value={state.group}
        onChange={(g) => set({ group: g ?? undefined })}
        options={groups.map((g) => ({ value: g, label: g }))}
        allowClear
        disabled={!planId}
        placeholder="Mọi nhóm nhiệm vụ"
        notFoundContent="Kế hoạch không chia nhóm nhiệm vụ"
        popupMatchSelectWidth={false}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <AgencyAsToggle
        value={state.agencyAs ?? 'now'}
        onChange={(v) => set({ agencyAs: v === 'now' ? undefined : v })}
      />
      <Button onClick={() => onChange({ planId })} disabled={!filtered && !state.year}>
        Xóa bộ lọc
      </Button>
    </Flex>
  );
}
