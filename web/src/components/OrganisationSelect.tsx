import { Select } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import type { Organisation } from '../../../shared/contracts/organisations';
import { isValidOn } from '../../../shared/domain/organisations/validity';
import { useAllOrganisations } from '../api/organisations';
import { todayIso } from '../lib/dates';
import { matchesSearch } from '../lib/text';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  /** Offer only agencies that exist today (new users and new links should not point at a dissolved agency). */
  onlyCurrent?: boolean;
  /** Leave out one agency, e.g. the one being edited cannot be its own parent. */
  excludeId?: number;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

interface Option {
  value: number;
  label: string;
  search: string;
}

function toOption(o: Organisation): Option {
  return { value: o.id, label: o.name, search: [o.name, o.shortName ?? '', o.code, ...o.aliases].join(' ') };
}

/** Searchable agency picker fed by the registry; typing without diacritics still finds the agency. */
export function OrganisationSelect({ value, onChange, onlyCurrent, excludeId, placeholder, ...rest }: Props) {
  const { data, isLoading, isError } = useAllOrganisations();
  const options = useMemo(() => {
    const today = todayIso();
    return (data ?? [])
      .filter((o) => o.id !== excludeId && (!onlyCurrent || isValidOn(o, today) || o.id === value))
      .map(toOption)
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [data, onlyCurrent, excludeId, value]);

  return (
    <Select<number, Option>
      {...rest}
      // antd shows the placeholder only for `undefined`, the API speaks `null`.
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={isLoading}
      status={isError ? 'error' : undefined}
      placeholder={isError ? 'Không tải được danh sách cơ quan' : (placeholder ?? 'Chọn cơ quan')}
      showSearch={{ filterOption: (input, option) => (option ? matchesSearch(option.search, input) : false) }}
      notFoundContent={isLoading ? 'Đang tải…' : 'Không có cơ quan phù hợp'}
      popupMatchSelectWidth={false}
    />
  );
}
