import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { PERIOD_STATE_LABELS } from '../../../../shared/contracts/reporting';
import { usePlanPeriods } from '../../api/reporting';

interface Props {
  planId: number | undefined;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** The plan's reporting periods, newest first; empty until a plan is chosen. */
export function PeriodSelect({ planId, value, onChange, allowClear, placeholder, style, ...rest }: Props) {
  const periods = usePlanPeriods(planId);
  const options = (periods.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.title} (${PERIOD_STATE_LABELS[p.state].toLowerCase()})`,
  }));
  return (
    <Select<number>
      {...rest}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      disabled={planId === undefined}
      loading={periods.isLoading}
      status={periods.isError ? 'error' : undefined}
      placeholder={
        planId === undefined
          ? 'Chọn kế hoạch trước'
          : periods.isError
            ? 'Không tải được kỳ báo cáo'
            : (placeholder ?? 'Chọn kỳ báo cáo')
      }
      notFoundContent={periods.isLoading ? 'Đang tải…' : 'Kế hoạch chưa có kỳ báo cáo nào'}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
