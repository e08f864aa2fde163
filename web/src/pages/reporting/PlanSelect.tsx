import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { usePlan, usePlanList } from '../../api/plans';
import { listTitle } from '../../lib/planLabels';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

interface Props {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** How many plans the list offers at once; typing searches all of them on the server. */
const OPTIONS = 50;

const labelOf = (p: Parameters<typeof listTitle>[0] & { number: string | null }) =>
  `${p.number ?? 'Chưa rõ số hiệu'} — ${listTitle(p)}`;

/** Pick a plan by number or title; typing (with or without diacritics) searches every plan. */
export function PlanSelect({ value, onChange, allowClear, placeholder, style, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const plans = usePlanList({ q: q || undefined, page: 1, pageSize: OPTIONS });
  // The chosen plan may not be among the first page: name it from its own record.
  const chosen = usePlan(value ?? 0, value !== undefined);
  const options = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: labelOf(p) }));
  if (value !== undefined && chosen.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: labelOf(chosen.data) });
  return (
    <Select<number>
      {...rest}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      loading={plans.isFetching}
      status={plans.isError ? 'error' : undefined}
      placeholder={plans.isError ? 'Không tải được danh sách kế hoạch' : (placeholder ?? 'Chọn kế hoạch')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      notFoundContent={plans.isFetching ? 'Đang tải…' : 'Không có kế hoạch phù hợp'}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
