import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AgendaReport, AgendaTask } from '../../../../shared/contracts/my-work';
import { calendarPath } from '../../../../shared/domain/app-links';
import { sentenceCaseTitle } from '../../../../shared/domain/text/sentence-case';
import { useReporterAgenda } from '../../api/agenda';
import { useCan } from '../../auth/SessionContext';
import { AgencyChain } from '../../components/AgencyChain';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/dates';
import { ReportStateTag } from '../reporting/ReportStateTag';
import { AgencyReportsTable } from './AgencyReportsTable';

const SHORT_TITLE = 70;
const shortTitle = (t: string) => (t.length <= SHORT_TITLE ? t : `${t.slice(0, SHORT_TITLE - 1).trimEnd()}…`);
const planLine = (p: AgendaReport['plan']) =>
  [p.number, shortTitle(sentenceCaseTitle(p.title))].filter(Boolean).join(' — ');

function daysLeftTag(days: number) {
  if (days > 0) return <Tag color={days <= 7 ? 'warning' : 'default'}>còn {days} ngày</Tag>;
  if (days === 0) return <Tag color="warning">hạn chót hôm nay</Tag>;
  return <Tag color="error">quá hạn {-days} ngày</Tag>;
}

function ReportItem({ r }: { r: AgendaReport }) {
  return (
    <List.Item
      actions={[
        <Link key="open" to={r.link}>
          <Button type={r.state === 'submitted' ? 'default' : 'primary'}>
            {r.state === 'returned' ? 'Sửa và gửi lại' : r.state === 'draft' ? 'Soạn báo cáo' : 'Xem'}
          </Button>
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={6}>
            <Link to={r.link}>{r.periodTitle}</Link>
            <ReportStateTag state={r.state} />
          </Space>
        }
        description={
          <Flex vertical gap={4}>
            <span>Kế hoạch: {planLine(r.plan)}</span>
            <Space wrap size={6}>
              <span>Hạn nộp {formatDate(r.dueOn)}</span>
              {r.state !== 'submitted' && daysLeftTag(r.daysLeft)}
            </Space>
            {r.returnedReason && (
              <Alert
                type="error"
                showIcon
                title={`Lý do trả lại: ${r.returnedReason}`}
                style={{ marginTop: 4 }}
              />
            )}
          </Flex>
        }
      />
    </List.Item>
  );
}

function TaskItem({ t }: { t: AgendaTask }) {
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <Link to={t.link}>
            {t.ordinal}. {shortTitle(t.content)}
          </Link>
        }
        description={
          <Space wrap size={6}>
            <span>{t.plan.number ?? shortTitle(t.plan.title)}</span>
            <span>· Thời hạn: {t.dueDate ? formatDate(t.dueDate) : t.deadlineText}</span>
            {t.daysLate !== null && <Tag color="error">quá hạn {t.daysLate} ngày</Tag>}
            {t.leads.length > 0 && <span>Chủ trì: {t.leads.join(', ')}</span>}
          </Space>
        }
      />
    </List.Item>
  );
}

/**
 * The reporter's home: what the agency has to send and by when (returned reports first), its overdue
 * tasks, and every report of the agency (accepted ones stay findable). Renders nothing for users who
 * do not write reports.
 */
export function ReporterHome() {
  const writes = useCan('reports.write');
  const agenda = useReporterAgenda(writes);
  if (!writes) return null;
  const data = agenda.data;
  const toSend = data?.reports.filter((r) => r.state !== 'submitted') ?? [];
  const waiting = data?.reports.filter((r) => r.state === 'submitted') ?? [];

  return (
    <section aria-label="Việc cần làm của cơ quan" style={{ marginBottom: 24 }}>
      {agenda.isError && <QueryErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            loading={agenda.isPending}
            title={
              <Space>
                <ScheduleOutlined style={{ color: '#1677ff' }} />
                {`Báo cáo cần gửi (${toSend.length})`}
              </Space>
            }
            extra={
              <Link to={calendarPath(data?.organisation.id)}>
                <Button icon={<CalendarOutlined />}>Lịch hạn của cơ quan</Button>
              </Link>
            }
          >
            {toSend.length === 0 ? (
              <Empty description="Cơ quan không có báo cáo nào cần gửi lúc này." />
            ) : (
              <List itemLayout="vertical" dataSource={toSend} renderItem={(r) => <ReportItem r={r} />} />
            )}
            {waiting.length > 0 && (
              <>
                <Typography.Title level={5}>Đã gửi, chờ tiếp nhận ({waiting.length})</Typography.Title>
                <List itemLayout="vertical" dataSource={waiting} renderItem={(r) => <ReportItem r={r} />} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            loading={agenda.isPending}
            title={`Nhiệm vụ quá hạn của cơ quan (${data?.overdueTasks.length ?? 0})`}
          >
            {data && data.overdueTasks.length === 0 ? (
              <Empty description="Không có nhiệm vụ nào quá hạn." />
            ) : (
              <List
                dataSource={data?.overdueTasks ?? []}
                pagination={(data?.overdueTasks.length ?? 0) > 8 ? { pageSize: 8, size: 'small' } : false}
                renderItem={(t) => <TaskItem t={t} />}
              />
            )}
          </Card>
        </Col>
      </Row>
      {data && (
        <Card
          title={
            <>
              Tất cả báo cáo của {data.organisation.name}
              <AgencyChain chain={data.organisation.chain} lead="nay là" />
            </>
          }
          extra={
            <Typography.Text type="secondary">{data.acceptedCount} báo cáo đã được tiếp nhận</Typography.Text>
          }
          style={{ marginTop: 16 }}
        >
          <AgencyReportsTable organisationId={data.organisation.id} />
        </Card>
      )}
    </section>
  );
}
