import { Select } from 'antd';
import { useMemo } from 'react';
import type { RevisionAgency } from '../../../../../shared/contracts/plan-revisions';
import {
  ORGANISATION_GROUP_KEYS,
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
} from '../../../../../shared/domain/organisations/groups';
import { searchKey } from '../../../../../shared/domain/text/normalize';
import { useAllOrganisations } from '../../../api/organisations';

/** How an agency is a select value: a registry organisation, a named group, or words only. */
export const agencyValue = (a: RevisionAgency) =>
  a.organisationId !== null
    ? `org:${a.organisationId}`
    : a.groupKey
      ? `group:${a.groupKey}`
      : `text:${a.text}`;

/**
 * Agencies of a task, chosen from the registry and the named groups ("Các sở, ban, ngành"); words the
 * registry does not hold can be typed and are kept as written. An agency already on the task keeps the
 * words the plan used.
 */
export function AgencyPicker({
  id,
  value,
  onChange,
  initial,
}: {
  id?: string;
  value?: RevisionAgency[];
  onChange?: (agencies: RevisionAgency[]) => void;
  initial: RevisionAgency[];
}) {
  const orgs = useAllOrganisations();
  const options = useMemo(() => {
    const known = new Map<string, { label: string; agency: RevisionAgency }>();
    for (const a of initial) known.set(agencyValue(a), { label: a.text, agency: a });
    for (const key of ORGANISATION_GROUP_KEYS) {
      const text = ORGANISATION_GROUPS[key].label;
      const v = `group:${key}`;
      if (!known.has(v)) known.set(v, { label: text, agency: { text, organisationId: null, groupKey: key } });
    }
    for (const o of orgs.data ?? []) {
      const v = `org:${o.id}`;
      if (!known.has(v))
        known.set(v, { label: o.name, agency: { text: o.name, organisationId: o.id, groupKey: null } });
    }
    return known;
  }, [orgs.data, initial]);

  const toAgency = (v: string): RevisionAgency => {
    const known = options.get(v);
    if (known) return known.agency;
    const text = v.startsWith('text:') ? v.slice(5) : v;
    return { text, organisationId: null, groupKey: null as OrganisationGroupKey | null };
  };

  return (
    <Select
      id={id}
      mode="tags"
      loading={orgs.isPending}
      value={(value ?? []).map(agencyValue)}
      onChange={(values: string[]) => onChange?.(values.map(toAgency))}
      options={[...options].map(([v, o]) => ({ value: v, label: o.label }))}
      optionFilterProp="label"
      filterOption={(input, option) => searchKey(String(option?.label ?? '')).includes(searchKey(input))}
      placeholder="Chọn trong danh mục cơ quan, hoặc gõ tên"
      style={{ width: '100%' }}
    />
  );
}
