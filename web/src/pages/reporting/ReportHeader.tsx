import { Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PERIOD_KIND_LABELS, type ReportDetail } from '../../../../shared/contracts/reporting';
import { usePlan } from '../../api/plans';
import { AgencyChain } from '../../components/AgencyChain';
import { formatDate, formatDateTime } from '../../lib/dates';
import { listTitle } from '../../lib/planLabels';
import { DueCountdownTag } from './DueCountdownTag';
import { ReportStateTag } from './ReportStateTag';

/** Which report this is and where it stands: the first thing both reporter and reviewer need. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const p = report.period;
  const plan = usePlan(p.planId);
  const open = report.state === 'draft' || report.state === 'returned';
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'plan',
          label: 'Kế hoạch',
          children: plan.data ? (
            <Link to={`/ke-hoach/${p.planId}`}>
              {plan.data.number ?? 'Kế hoạch'} — {listTitle(plan.data)}
            </Link>
          ) : (
            '…'
          ),
          span: 3,
        },
        {
          key: 'period',
          label: 'Kỳ báo cáo',
          children: `${p.title} (${PERIOD_KIND_LABELS[p.kind]})`,
          span: 2,
        },
        {
          key: 'agency',
          label: 'Cơ quan',
          children: (
            <>
              {report.organisation.name}
              <AgencyChain chain={report.organisation.chain} lead="nay là" />
            </>
          ),
        },
        {
          key: 'due',
          label: 'Hạn nộp',
          children: (
            <Flex gap={8} align="center" wrap="wrap">
              {formatDate(p.dueOn)}
              {open && p.state === 'open' && <DueCountdownTag dueOn={p.dueOn} />}
            </Flex>
          ),
        },
        ...(p.dataClosingOn
          ? [{ key: 'closing', label: 'Ngày chốt số liệu', children: formatDate(p.dataClosingOn) }]
          : []),
        {
          key: 'state',
          label: 'Trạng thái',
          children: (
            <Flex gap={4} wrap="wrap">
              <ReportStateTag state={report.state} />
              {report.late && <Tag color="error">Nộp muộn</Tag>}
              {!report.late && report.firstSubmittedAt && <Tag color="success">Gửi đúng hạn</Tag>}
              {p.state === 'closed' && <Tag>Kỳ đã đóng</Tag>}
            </Flex>
          ),
        },
        {
          key: 'submitted',
          label: 'Gửi lần cuối',
          children: report.submittedAt ? (
            formatDateTime(report.submittedAt)
          ) : (
            <Typography.Text type="secondary">Chưa gửi</Typography.Text>
          ),
        },
        {
          key: 'version',
          label: 'Số lần đã gửi',
          children: report.versionCount > 0 ? `${report.versionCount} lần gửi` : 'Chưa có',
        },
        {
          key: 'updated',
          label: 'Cập nhật',
          children: `${formatDateTime(report.updatedAt)}${report.updatedBy ? ` — ${report.updatedBy.name}` : ''}`,
        },
      ]}
    />
  );
}
