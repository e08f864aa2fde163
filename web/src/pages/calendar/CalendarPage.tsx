import { Alert, Badge, Button, Calendar, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { CalendarEvent } from '../../../../shared/contracts/calendar';
import { REPORT_STATE_LABELS } from '../../../../shared/contracts/reporting';
import { useCalendar } from '../../api/calendar';
import { useCurrentSession } from '../../auth/SessionContext';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/dates';
import { usePageTitle } from '../../lib/usePageTitle';
import { type CalendarMode, visibleRange } from './calendarRange';

/** Tasks in blue, reports in orange: the legend above the calendar says so. */
const KIND_COLOR: Record<CalendarEvent['kind'], string> = { task: '#1677ff', report: '#fa8c16' };
const KIND_LABEL: Record<CalendarEvent['kind'], string> = { task: 'Hạn nhiệm vụ', report: 'Hạn nộp báo cáo' };
/** Events written in a day's cell; the rest are counted and listed under the calendar. */
const PER_CELL = 3;

const planLabel = (e: CalendarEvent) => e.plan.number ?? e.plan.title;

function EventLink({ event }: { event: CalendarEvent }) {
  return (
    <Link
      to={event.link}
      // A report's title already says "Hạn nộp báo cáo: …"; a task's is its ordinal and content.
      title={`${event.kind === 'report' ? '' : `${KIND_LABEL[event.kind]}: `}${event.title} (${planLabel(event)})`}
      style={{
        display: 'block',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        fontSize: 12,
      }}
      onClick={(e) => e.stopPropagation()}
    >
      <Badge color={KIND_COLOR[event.kind]} /> {event.kind === 'report' ? event.agencies[0] : event.title}
    </Link>
  );
}

/**
 * "Lịch hạn": a month of task deadlines and report due dates (the year view counts them per month),
 * filterable by agency; each event opens its task or report, and the chosen day's events are listed
 * in full under the calendar.
 */
export function CalendarPage() {
  usePageTitle('Lịch hạn');
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const organisationId = Number(params.get('organisationId')) || null;
  const month = params.get('thang');
  const [value, setValue] = useState<Dayjs>(() =>
    month && dayjs(`${month}-01`).isValid() ? dayjs(`${month}-01`) : dayjs(),
  );
  const [mode, setMode] = useState<CalendarMode>('month');
  const range = visibleRange(value, mode);
  const calendar = useCalendar(range.from, range.to, organisationId);

  const byDate = useMemo(() => {
    const map = new Map<string, CalendarEvent[]>();
    for (const e of calendar.data?.events ?? []) map.set(e.date, [...(map.get(e.date) ?? []), e]);
    return map;
  }, [calendar.data]);
  const selected = value.format('YYYY-MM-DD');
  const dayEvents = byDate.get(selected) ?? [];

  const setFilter = (next: { organisationId?: number | null; month?: Dayjs }) => {
    const p = new URLSearchParams(params);
    if (next.organisationId !== undefined) {
      if (next.organisationId) p.set('organisationId', String(next.organisationId));
      else p.delete('organisationId');
    }
    if (next.month) p.set('thang', next.month.format('YYYY-MM'));
    setParams(p, { replace: true });
  };

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Lịch hạn
      </Typography.Title>
      <Flex gap={12} wrap="wrap" align="center" style={{ marginBottom: 16 }}>
        <OrganisationSelect
          aria-label="Lọc theo cơ quan"
          placeholder="Tất cả cơ quan"
          allowClear
          value={organisationId}
          onChange={(id) => setFilter({ organisationId: id })}
          style={{ minWidth: 280 }}
        />
        {organisationId !== user.organisationId && (
          <Button onClick={() => setFilter({ organisationId: user.organisationId })}>Cơ quan của tôi</Button>
        )}
        <Space size={16} aria-label="Chú thích">
          <span>
            <Badge color={KIND_COLOR.task} /> {KIND_LABEL.task}
          </span>
          <span>
            <Badge color={KIND_COLOR.report} /> {KIND_LABEL.report}
          </span>
        </Space>
      </Flex>
      {calendar.isError && <QueryErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data?.truncated && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Có quá nhiều hạn trong khoảng này; chỉ hiện những hạn sớm nhất. Hãy lọc theo cơ quan."
        />
      )}
      <Card styles={{ body: { padding: 8 } }} loading={calendar.isPending}>
        <Calendar
          value={value}
          mode={mode}
          onSelect={(date) => setValue(date)}
          onPanelChange={(date, m) => {
            setValue(date);
            setMode(m);
            setFilter({ month: date });
          }}
          cellRender={(date, info) => {
            if (info.type === 'month') {
              const prefix = date.format('YYYY-MM');
              const n = (calendar.data?.events ?? []).filter((e) => e.date.startsWith(prefix)).length;
              return n > 0 ? <Tag color="blue">{n} hạn</Tag> : null;
            }
            if (info.type !== 'date') return info.originNode;
            const events = byDate.get(date.format('YYYY-MM-DD')) ?? [];
            return (
              <div>
                {events.slice(0, PER_CELL).map((e) => (
                  <EventLink key={`${e.kind}-${e.link}`} event={e} />
                ))}
                {events.length > PER_CELL && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    +{events.length - PER_CELL} hạn khác
                  </Typography.Text>
                )}
              </div>
            );
          }}
        />
      </Card>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        Ngày {formatDate(selected)}
      </Typography.Title>
      {dayEvents.length === 0 ? (
        <Empty description="Không có hạn nào trong ngày này." />
      ) : (
        <List
          aria-label={`Các hạn ngày ${formatDate(selected)}`}
          dataSource={dayEvents}
          renderItem={(e) => (
            <List.Item key={`${e.kind}-${e.link}`}>
              <List.Item.Meta
                avatar={<Badge color={KIND_COLOR[e.kind]} />}
                title={<Link to={e.link}>{e.title}</Link>}
                description={
                  <Space wrap size={4}>
                    <Tag>{KIND_LABEL[e.kind]}</Tag>
                    {e.reportState && <Tag>{REPORT_STATE_LABELS[e.reportState]}</Tag>}
                    <span>
                      {planLabel(e)} · {e.agencies.join(', ') || 'chưa rõ cơ quan chủ trì'}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
