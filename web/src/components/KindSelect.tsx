import { Select } from 'antd';
import type { CSSProperties } from 'react';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../shared/domain/organisations/kinds';

const OPTIONS = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: ORGANISATION_KIND_LABELS[kind] }));

interface Props {
  value?: OrganisationKind | null;
  onChange?: (value: OrganisationKind | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

export function KindSelect({ value, onChange, placeholder = 'Chọn loại cơ quan', ...rest }: Props) {
  return (
    <Select<OrganisationKind>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={OPTIONS}
      placeholder={placeholder}
    />
  );
}
