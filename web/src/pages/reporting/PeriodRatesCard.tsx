import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  consolidatedDataWorkbookUrl,
  consolidatedReportUrl,
  periodRatesWorkbookUrl,
} from '../../api/exports';
import { type PeriodRates, usePeriodRates } from '../../api/reporting';
import { AgencyNames } from '../../components/AgencyNames';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { ReportStateTag } from './ReportStateTag';
import { rateColumns } from './rateColumns';

type AgencyRow = PeriodRates['agencies'][number];

const percent = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}%`);

/** One period: the totals, then every agency with its report's state, sortable. */
export function PeriodRatesCard({
  periodId,
  agencyAs = 'now',
}: {
  periodId: number;
  agencyAs?: 'plan' | 'now';
}) {
  const rates = usePeriodRates(periodId, agencyAs);
  const t = rates.data?.totals;
  return (
    <Card
      title={rates.data ? `Theo cơ quan — ${rates.data.period.title}` : 'Theo cơ quan'}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap={8} wrap="wrap">
          <Button icon={<DownloadOutlined />} href={periodRatesWorkbookUrl(periodId, agencyAs)}>
            Xuất Excel
          </Button>
          <Button icon={<DownloadOutlined />} href={consolidatedReportUrl(periodId)}>
            Báo cáo tổng hợp (Word)
          </Button>
          <Button icon={<DownloadOutlined />} href={consolidatedDataWorkbookUrl(periodId)}>
            Số liệu tổng hợp (Excel)
          </Button>
        </Flex>
      }
    >
      {rates.isError && <QueryErrorAlert error={rates.error} onRetry={() => void rates.refetch()} />}
      {t && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title="Cơ quan phải nộp" value={t.expected} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tỷ lệ đã gửi" value={percent(t.submittedRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tỷ lệ gửi đúng hạn" value={percent(t.onTimeRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tỷ lệ đã tiếp nhận" value={percent(t.acceptedRate)} />
          </Col>
        </Row>
      )}
      <Table<AgencyRow>
        rowKey="reportId"
        size="small"
        loading={rates.isFetching}
        dataSource={rates.data?.agencies ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: rates.isError ? 'Chưa tải được dữ liệu' : 'Kỳ này không có cơ quan nào phải báo cáo.',
        }}
        columns={[
          {
            title: 'Cơ quan',
            dataIndex: ['organisation', 'name'],
            sorter: (a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi'),
            render: (name: string, a) => (
              <>
                <Link to={`/bao-cao/${a.reportId}`}>{name}</Link>
                <AgencyNames formerName={a.formerName} currentName={a.currentName} />
              </>
            ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'state',
            width: 200,
            sorter: (a, b) => a.state.localeCompare(b.state),
            render: (_, a) => (
              <Flex gap={4} wrap="wrap">
                <ReportStateTag state={a.state} />
                {a.late && <Tag color="error">Nộp muộn</Tag>}
              </Flex>
            ),
          },
          {
            title: 'Gửi lúc',
            dataIndex: 'submittedAt',
            width: 150,
            render: (v: string | null) =>
              v ? formatDateTime(v) : <Typography.Text type="secondary">Chưa gửi</Typography.Text>,
          },
          ...rateColumns<AgencyRow>((a) => a.rate),
        ]}
      />
    </Card>
  );
}
