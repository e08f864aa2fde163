import { Tag } from 'antd';
import { VALUE_STATUS_LABELS, type ValueStatus } from '../../../../shared/contracts/indicators';
import { VALUE_STATUS_COLORS } from './indicatorFormat';

export function ValueStatusTag({ status }: { status: ValueStatus }) {
  return <Tag color={VALUE_STATUS_COLORS[status]}>{VALUE_STATUS_LABELS[status]}</Tag>;
}
