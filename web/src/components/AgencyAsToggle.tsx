import { Segmented } from 'antd';

export type AgencyAs = 'plan' | 'now';

/**
 * "Theo cơ quan lúc giao / Theo cơ quan hiện nay" (issue 14): count a merged agency's tasks and reports
 * under the agency the plan named, or under the agency that answers for them today.
 */
export function AgencyAsToggle({ value, onChange }: { value: AgencyAs; onChange: (v: AgencyAs) => void }) {
  return (
    <Segmented<AgencyAs>
      aria-label="Nhóm theo cơ quan"
      value={value}
      onChange={onChange}
      options={[
        { value: 'now', label: 'Theo cơ quan hiện nay' },
        { value: 'plan', label: 'Theo cơ quan lúc giao' },
      ]}
    />
  );
}
