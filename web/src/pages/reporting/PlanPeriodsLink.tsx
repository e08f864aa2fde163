import { CalendarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth/SessionContext';

/** The plan page's way to its reporting periods, for those who follow reporting (coordinators, leaders). */
export function PlanPeriodsLink({ planId }: { planId: number }) {
  const allowed = useCan('reports.monitor');
  if (!allowed) return null;
  return (
    <Link to={`/ke-hoach/${planId}/ky-bao-cao`}>
      <Button icon={<CalendarOutlined />}>Kỳ báo cáo</Button>
    </Link>
  );
}
