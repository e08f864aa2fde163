import { Badge, Button, Calendar, Card, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { CalendarDay, CalendarEvent, CalendarEventKind } from '../../../../shared/contracts/calendar';
import { REPORT_STATE_LABELS } from '../../../../shared/contracts/reporting';
import { useCalendar, useCalendarDay } from '../../api/calendar';
import { useCurrentSession } from '../../auth/SessionContext';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { usePageTitle } from '../../lib/usePageTitle';
import { type CalendarMode, visibleRange } from './calendarRange';

/** Tasks in blue, reports in orange: the legend above the calendar says so. */
const KIND_COLOR: Record<CalendarEventKind, string> = { task: '#1677ff', report: '#d46b08' };
const KIND_LABEL: Record<CalendarEventKind, string> = { task: 'Hạn nhiệm vụ', report: 'Hạn nộp báo cáo' };
const KIND_SHORT: Record<CalendarEventKind, string> = { task: 'nhiệm vụ', report: 'báo cáo' };

const planLabel = (e: CalendarEvent) => e.plan.number ?? e.plan.title;
const countOf = (day: CalendarDay | undefined, kind: CalendarEventKind) =>
  day ? (kind === 'task' ? day.tasks : day.reports) : 0;

/** A day's cell: how many deadlines of each kind fall on it. */
function DayCounts({ day }: { day: CalendarDay | undefined }) {
  if (!day) return null;
  return (
    <Flex vertical style={{ fontSize: 12 }}>
      {(['task', 'report'] as const).map((kind) =>
        countOf(day, kind) > 0 ? (
          <span key={kind} style={{ whiteSpace: 'nowrap' }}>
            <Badge color={KIND_COLOR[kind]} /> {formatNumber(countOf(day, kind))} {KIND_SHORT[kind]}
          </span>
        ) : null,
      )}
    </Flex>
  );
}

/** The chosen day's deadlines of one kind, 20 at a time ("Xem thêm"), each opening its task or report. */
function DayList({
  date,
  kind,
  organisationId,
}: {
  date: string;
  kind: CalendarEventKind;
  organisationId: number | null;
}) {
  const day = useCalendarDay(date, kind, organisationId);
  if (day.isError) return <QueryErrorAlert error={day.error} onRetry={() => void day.refetch()} />;
  const items = day.data?.pages.flatMap((p) => p.items) ?? [];
  const total = day.data?.pages[0]?.total ?? 0;
  return (
    <List
      aria-label={`${KIND_LABEL[kind]} ngày ${formatDate(date)}`}
      loading={day.isPending}
      dataSource={items}
      locale={{ emptyText: <Empty description="Không có hạn nào trong ngày này." /> }}
      footer={
        items.length > 0 && (
          <Flex gap={12} align="center" wrap="wrap">
            <Typography.Text type="secondary">
              Đang hiện {formatNumber(items.length)} / {formatNumber(total)} hạn
            </Typography.Text>
            {day.hasNextPage && (
              <Button onClick={() => void day.fetchNextPage()} loading={day.isFetchingNextPage}>
                Xem thêm
              </Button>
            )}
          </Flex>
        )
      }
      renderItem={(e) => (
        <List.Item key={e.link}>
          <List.Item.Meta
            avatar={<Badge color={KIND_COLOR[e.kind]} />}
            title={<Link to={e.link}>{e.title}</Link>}
            description={
              <Space wrap size={4}>
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
  );
}

/**
 * "Lịch hạn": how many task deadlines and report due dates fall on each day of a month (the year view
 * sums them per month), filterable by agency; a click on a day lists its deadlines, a page at a time,
 * each opening its task or report.
 */
export function CalendarPage() {
  usePageTitle('Lịch hạn');
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const organisationId = Number(params.get('organisationId')) || null;
  const month = params.get('thang');
  const chosen = params.get('ngay');
  const [value, setValue] = useState<Dayjs>(() => {
    if (chosen && dayjs(chosen).isValid()) return dayjs(chosen);
    return month && dayjs(`${month}-01`).isValid() ? dayjs(`${month}-01`) : dayjs();
  });
  const [mode, setMode] = useState<CalendarMode>('month');
  const [kindChoice, setKindChoice] = useState<CalendarEventKind | null>(null);
  const range = visibleRange(value, mode);
  const calendar = useCalendar(range.from, range.to, organisationId);

  const byDate = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])), [calendar.data]);
  const selected = value.format('YYYY-MM-DD');
  const selectedDay = byDate.get(selected);
  // The kind shown: the one chosen, else tasks when the day has any, else reports.
  const kind: CalendarEventKind =
    kindChoice ??
    (countOf(selectedDay, 'task') > 0 || countOf(selectedDay, 'report') === 0 ? 'task' : 'report');

  const setFilter = (next: { organisationId?: number | null; day?: Dayjs }) => {
    const p = new URLSearchParams(params);
    if (next.organisationId !== undefined) {
      if (next.organisationId) p.set('organisationId', String(next.organisationId));
      else p.delete('organisationId');
    }
    if (next.day) {
      p.set('thang', next.day.format('YYYY-MM'));
      p.set('ngay', next.day.format('YYYY-MM-DD'));
    }
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
          {(['task', 'report'] as const).map((k) => (
            <span key={k}>
              <Badge color={KIND_COLOR[k]} /> {KIND_LABEL[k]}
            </span>
          ))}
        </Space>
      </Flex>
      {calendar.isError && <QueryErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      <Card styles={{ body: { padding: 8 } }} loading={calendar.isPending}>
        <Calendar
          value={value}
          mode={mode}
          onSelect={(date) => {
            setValue(date);
            setKindChoice(null);
            setFilter({ day: date });
          }}
          onPanelChange={(date, m) => {
            setValue(date);
            setMode(m);
            setFilter({ day: date });
          }}
          cellRender={(date, info) => {
            if (info.type === 'month') {
              const prefix = date.format('YYYY-MM');
              const n = (calendar.data?.days ?? [])
                .filter((d) => d.date.startsWith(prefix))
                .reduce((sum, d) => sum + d.tasks + d.reports, 0);
              return n > 0 ? <Tag color="blue">{formatNumber(n)} hạn</Tag> : null;
            }
            if (info.type !== 'date') return info.originNode;
            return <DayCounts day={byDate.get(date.format('YYYY-MM-DD'))} />;
          }}
        />
      </Card>
      <Flex gap={16} wrap="wrap" align="center" style={{ marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Ngày {formatDate(selected)}
        </Typography.Title>
        <Segmented<CalendarEventKind>
          aria-label="Loại hạn"
          value={kind}
          onChange={setKindChoice}
          options={(['task', 'report'] as const).map((k) => ({
            value: k,
            label: `${KIND_LABEL[k]} (${formatNumber(countOf(selectedDay, k))})`,
          }))}
        />
      </Flex>
      <DayList
        key={`${selected}-${kind}-${organisationId}`}
        date={selected}
        kind={kind}
        organisationId={organisationId}
      />
    </>
  );
}
