import { Button, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ReportSummary } from '../../../../shared/contracts/reporting';
import { AgencyChain } from '../../components/AgencyChain';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { formatDate, formatDateTime } from '../../lib/dates';
import { ReportStateTag } from './ReportStateTag';
import { ReviewActions } from './ReviewActions';

interface Options {
  canReview: boolean;
}

export function reportColumns({ canReview }: Options): ResponsiveColumn<ReportSummary>[] {
  return [
    {
      title: 'Cơ quan',
      dataIndex: ['organisation', 'name'],
      phone: 'title',
      width: 200,
      // A report stays its agency's; a merger since shows where the work went (issue 14).
      render: (name: string, r) => (
        <>
          <Link to={`/bao-cao/${r.id}`}>{name}</Link>
          <AgencyChain chain={r.organisation.chain} lead="nay là" />
        </>
      ),
    },
    {
      // Two annual reports of one agency differ only by their plan.
      title: 'Kế hoạch',
      dataIndex: ['plan', 'label'],
      width: 260,
      render: (label: string, r) => (
        <Typography.Text title={r.plan.title} style={{ fontSize: 13 }}>
          {label}
        </Typography.Text>
      ),
    },
    {
      title: 'Kỳ báo cáo',
      dataIndex: ['period', 'title'],
      width: 220,
      render: (title: string, r) => (
        <Flex vertical>
          <span>{title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Hạn nộp {formatDate(r.period.dueOn)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 190,
      render: (_, r) => (
        <Flex gap={4} wrap="wrap">
          <ReportStateTag state={r.state} />
          {r.late && <Tag color="error">Nộp muộn</Tag>}
        </Flex>
      ),
    },
    {
      title: 'Gửi lần cuối',
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">Chưa gửi</Typography.Text>,
    },
    { title: 'Số lần gửi', dataIndex: 'versionCount', width: 100, align: 'right', phone: 'hide' },
    {
      title: 'Thao tác',
      key: 'actions',
      phone: 'actions',
      fixed: 'right',
      width: canReview ? 300 : 100,
      render: (_, r) => (
        <Flex gap={8} wrap="wrap">
          <Link to={`/bao-cao/${r.id}`}>
            <Button size="small">Xem</Button>
          </Link>
          {canReview && r.state === 'submitted' && <ReviewActions report={r} size="small" />}
        </Flex>
      ),
    },
  ];
}
