import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';

interface Props {
  planId: number;
  /** The plan's number when known ("148/KH-UBND"); a placeholder while it loads. */
  planNumber: string | null | undefined;
  /** Deeper levels below the plan, each a label and (except the last) a link. */
  trail?: { label: string; to?: string }[];
}

/** Kế hoạch › 148/KH-UBND › Nhiệm vụ › …: where the user is, and one click back to each level. */
export function PlanBreadcrumb({ planId, planNumber, trail = [] }: Props) {
  const planLabel = planNumber ?? (planNumber === null ? 'Kế hoạch chưa rõ số hiệu' : '…');
  const levels = [
    { label: 'Kế hoạch', to: '/ke-hoach' },
    { label: planLabel, to: trail.length > 0 ? `/ke-hoach/${planId}` : undefined },
    ...trail,
  ];
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={levels.map((level) => ({
        key: level.label,
        title: level.to ? <Link to={level.to}>{level.label}</Link> : level.label,
      }))}
    />
  );
}
