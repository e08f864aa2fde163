import { Tag } from 'antd';
import { REPORT_STATE_LABELS, type ReportState } from '../../../../shared/contracts/reporting';

const COLORS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  returned: 'error',
};

export function ReportStateTag({ state }: { state: ReportState }) {
  return <Tag color={COLORS[state]}>{REPORT_STATE_LABELS[state]}</Tag>;
}
