import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { usePlanList } from '../../api/plans';
import { listTitle } from '../../lib/planLabels';
import { matchesSearch } from '../../lib/text';

interface Props {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** Pick a plan by number or title; typing without diacritics still finds it. */
export function PlanSelect({ value, onChange, allowClear, placeholder, style, ...rest }: Props) {
  const plans = usePlanList(undefined);
  const options = (plans.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.number ?? 'Chưa rõ số hiệu'} — ${listTitle(p)}`,
  }));
  return (
    <Select<number>
      {...rest}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      loading={plans.isLoading}
      status={plans.isError ? 'error' : undefined}
      placeholder={plans.isError ? 'Không tải được danh sách kế hoạch' : (placeholder ?? 'Chọn kế hoạch')}
      showSearch={{
        filterOption: (input, option) => (option ? matchesSearch(String(option.label ?? ''), input) : false),
      }}
      notFoundContent={plans.isLoading ? 'Đang tải…' : 'Không có kế hoạch phù hợp'}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
