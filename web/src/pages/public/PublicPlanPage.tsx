import { Card, Col, Flex, List, Progress, Result, Row, Spin, Statistic, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { PLAN_KIND_LABELS } from '../../../../shared/contracts/plan-draft';
import type { PublicPlan, PublicTarget } from '../../../../shared/contracts/publication';
import { TASK_STATUS_CODES, TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import { usePublicPlan } from '../../api/publication';
import { formatDate, formatDateTime } from '../../lib/dates';
import { idParam } from '../../lib/routeParams';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';
import { usePageTitle } from '../../lib/usePageTitle';
import { STATUS_CHART_COLORS } from '../dashboard/statusColors';
import { EvaluationTag } from '../indicators/EvaluationTag';
import { formatValueWithUnit } from '../indicators/indicatorFormat';

/** "UBND tỉnh" of "Hưng Yên" reads "UBND tỉnh Hưng Yên"; an issuer that already names its place stays. */
function issuerOf(plan: PublicPlan['plan']): string {
  const issuer = plan.issuer ?? '';
  if (!plan.place || issuer.toLowerCase().includes(plan.place.toLowerCase())) return issuer;
  return issuer ? `${issuer} ${plan.place}` : plan.place;
}

function TargetItem({ t }: { t: PublicTarget }) {
  const e = t.evaluation;
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" align="flex-start" gap={8} wrap="wrap">
          <Typography.Text strong style={{ flex: '1 1 260px' }}>
            {t.ordinal}. {t.subject || t.text}
          </Typography.Text>
          <EvaluationTag evaluation={e} />
        </Flex>
        {t.subject && t.subject !== t.text && <Typography.Text type="secondary">{t.text}</Typography.Text>}
        <Typography.Text>
          Mục tiêu: <strong>{formatTargetValue(t)}</strong>
          {formatTargetYears(t) && ` (${formatTargetYears(t)})`}
        </Typography.Text>
        {e.latest ? (
          <Typography.Text>
            Số liệu gần nhất: {formatValueWithUnit(e.latest.value, t.indicator.unit)} (năm {e.latest.year})
          </Typography.Text>
        ) : (
          !e.reason && <Typography.Text>Chưa có số liệu được tiếp nhận</Typography.Text>
        )}
        {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
      </Flex>
    </List.Item>
  );
}

function TaskCounts({ tasks }: { tasks: PublicPlan['tasks'] }) {
  const s = tasks.summary;
  return (
    <Card title={`Tình hình thực hiện nhiệm vụ năm ${tasks.year}`} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="Tổng số nhiệm vụ" value={s.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="Tỷ lệ hoàn thành"
            value={s.completionRate === null ? '—' : `${Math.round(s.completionRate * 100)}%`}
          />
        </Col>
      </Row>
      {s.total > 0 && (
        <Progress
          aria-label="Tỷ lệ hoàn thành"
          percent={Math.round(((s.done_on_time + s.done_late) / s.total) * 100)}
          strokeColor={STATUS_CHART_COLORS.done_on_time}
          style={{ marginTop: 8 }}
        />
      )}
      <List
        style={{ marginTop: 8 }}
        dataSource={[...TASK_STATUS_CODES]}
        renderItem={(code) => (
          <List.Item data-status={code}>
            <Flex justify="space-between" style={{ width: '100%' }}>
              <span>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    background: STATUS_CHART_COLORS[code],
                    marginInlineEnd: 8,
                  }}
                />
                {TASK_STATUS_LABELS[code]}
              </span>
              <strong>{s[code]}</strong>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function PublicPlanView({ data }: { data: PublicPlan }) {
  const p = data.plan;
  const issuer = issuerOf(p);
  usePageTitle(`Công khai: ${PLAN_KIND_LABELS[p.kind]} ${p.number ?? ''}`);
  return (
    <>
      <Typography.Text type="secondary" style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>
        {issuer}
      </Typography.Text>
      <Typography.Title level={2} style={{ marginTop: 4 }}>
        {PLAN_KIND_LABELS[p.kind]} {p.number ?? ''}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }}>{p.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {p.issuedOn && `Ban hành ngày ${formatDate(p.issuedOn)}${p.place ? ` tại ${p.place}` : ''}. `}
        Số liệu tính đến ngày {formatDate(data.asOf)}; công khai từ {formatDateTime(data.publishedAt)}.
      </Typography.Paragraph>
      <Card title={`Chỉ tiêu và đánh giá thực hiện (${data.targets.length})`} style={{ marginBottom: 16 }}>
        {data.targets.length === 0 ? (
          <Typography.Text type="secondary">Kế hoạch không có chỉ tiêu định lượng.</Typography.Text>
        ) : (
          <List dataSource={data.targets} renderItem={(t) => <TargetItem key={t.ordinal} t={t} />} />
        )}
      </Card>
      <TaskCounts tasks={data.tasks} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        Đánh giá chỉ tiêu chỉ dựa trên số liệu đã được cơ quan tổng hợp tiếp nhận; tình trạng nhiệm vụ theo
        các nhóm của Văn phòng Chính phủ. Trang này không chứa thông tin cá nhân.
      </Typography.Paragraph>
    </>
  );
}

/**
 * A published plan, readable without signing in (outside the signed-in layout): targets with their
 * evaluation and task counts by status, nothing personal. Not published → says so in Vietnamese.
 */
export function PublicPlanPage() {
  const id = idParam(useParams().planId);
  const query = usePublicPlan(id ?? 0);
  usePageTitle('Công khai kế hoạch');
  let body: React.ReactNode;
  if (id === null) body = <NotPublished message="Đường dẫn không đúng: không có kế hoạch này." />;
  else if (query.isPending)
    body = <Spin tip="Đang tải…" size="large" style={{ display: 'block', margin: 48 }} />;
  else if (query.isError)
    body =
      query.error instanceof ApiError && query.error.status === 404 ? (
        <NotPublished message={query.error.message} />
      ) : (
        <Result status="error" title="Không tải được trang" subTitle={errorMessageOf(query.error)} />
      );
  else body = <PublicPlanView data={query.data} />;
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: '24px 16px' }}>
      <Typography.Text strong style={{ color: '#1f4e9c' }}>
        Công khai thông tin thực hiện kế hoạch
      </Typography.Text>
      <div style={{ marginTop: 8 }}>{body}</div>
    </main>
  );
}

function NotPublished({ message }: { message: string }) {
  return <Result status="404" title="Kế hoạch chưa được công khai" subTitle={message} />;
}
