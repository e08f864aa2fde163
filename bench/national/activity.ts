/**
 * Five years of activity for the national dataset: the audit log (1,000,000 rows at national size) and
 * the users' notifications (200,000), so the audit page and the notification list are measured on the
 * volume a province reaches, not on the few rows the other generator steps leave. Same seed → same rows.
 */
import type { NotificationKind } from '../../shared/contracts/notifications';
import type { Prng } from './prng';

type Row = Record<string, unknown>;

export interface ActivityShape {
  /** Users 1..n exist; 1 is the coordinator, 2 the leader, the rest reporters. */
  users: number;
  reports: number;
  tasks: number;
  plans: number;
  firstYear: number;
  lastYear: number;
  /** The dataset's "now": nothing happens after it. */
  now: string;
  /** Audit rows and notifications at national size; `scaled` datasets divide them by their factor. */
  auditRows: number;
  notifications: number;
}

const AUDIT_ACTIONS = {
  'report.saved': 52,
  'auth.login': 16,
  'auth.logout': 6,
  'report.submitted': 8,
  'report.accepted': 6,
  'report.returned': 2,
  'indicator_value.created': 5,
  'directive.created': 2,
  'reporting_period.opened': 1,
  'indicator_value.accepted': 2,
} as const;

/** Instants spread evenly from 2 January of the first year to `now`, in order (ids follow time). */
function clock(firstYear: number, now: string, n: number) {
  const start = Date.parse(`${firstYear}-01-02T01:00:00.000Z`);
  const step = (Date.parse(now) - start) / n;
  return (i: number) => new Date(start + Math.floor(i * step)).toISOString();
}

export function* auditRows(s: ActivityShape, rnd: Prng): Generator<Row> {
  const at = clock(s.firstYear, s.now, s.auditRows);
  for (let i = 0; i < s.auditRows; i++) {
    const action = rnd.weighted(AUDIT_ACTIONS);
    // The coordinator accepts, returns and opens; the leader directs; reporters save and submit.
    const actor =
      action === 'report.accepted' ||
      action === 'report.returned' ||
      action === 'reporting_period.opened' ||
      action === 'indicator_value.accepted'
        ? 1
        : action === 'directive.created'
          ? 2
          : action.startsWith('auth.')
            ? rnd.int(1, s.users)
            : rnd.int(3, s.users);
    let entity: string;
    let entityId: number;
    let detail: unknown = null;
    if (action.startsWith('auth.')) {
      entity = 'user';
      entityId = actor;
    } else if (action.startsWith('report.') || action === 'directive.created') {
      entity = 'report';
      entityId = rnd.int(1, s.reports);
      if (action === 'report.saved')
        detail = { version: rnd.int(1, 6), fields: ['summary'], entries: [rnd.int(1, s.tasks)] };
      if (action === 'report.returned') detail = { reason: 'Đề nghị bổ sung số liệu kết quả thực hiện.' };
    } else if (action === 'reporting_period.opened') {
      entity = 'reporting_period';
      entityId = rnd.int(1, s.plans * (s.lastYear - s.firstYear + 1));
    } else {
      entity = 'indicator';
      entityId = rnd.int(1, s.plans * 4);
      if (action === 'indicator_value.created') detail = { value: rnd.int(50, 100) };
    }
    yield {
      id: i + 1,
      at: at(i),
      actor_id: actor,
      action,
      entity,
      entity_id: String(entityId),
      detail: detail === null ? null : JSON.stringify(detail),
      request_id: null,
    };
  }
}

const NOTIFICATION_TEXT: Record<NotificationKind, { title: string; body: string }> = {
  reminder_before: { title: 'Sắp đến hạn nộp báo cáo', body: 'Còn 7 ngày đến hạn nộp báo cáo năm.' },
  reminder_due: { title: 'Đến hạn nộp báo cáo', body: 'Hôm nay là hạn nộp báo cáo năm.' },
  report_submitted: { title: 'Có báo cáo mới gửi', body: 'Một cơ quan đã gửi báo cáo, chờ tiếp nhận.' },
  report_returned: { title: 'Báo cáo bị trả lại', body: 'Đề nghị bổ sung số liệu kết quả thực hiện.' },
  report_accepted: { title: 'Báo cáo đã được tiếp nhận', body: 'Báo cáo của cơ quan đã được tiếp nhận.' },
  directive: { title: 'Ý kiến chỉ đạo mới', body: 'Lãnh đạo UBND tỉnh có ý kiến chỉ đạo.' },
  indicator_value_submitted: { title: 'Số liệu chỉ số mới', body: 'Có số liệu chỉ số chờ tiếp nhận.' },
  task_request_filed: {
    title: 'Đề nghị gia hạn nhiệm vụ',
    body: 'Một cơ quan chủ trì đề nghị gia hạn nhiệm vụ.',
  },
  task_request_decided: {
    title: 'Đề nghị đã được chấp thuận',
    body: 'Đề nghị gia hạn nhiệm vụ đã được chấp thuận.',
  },
  report_entry_returned: {
    title: 'Nhiệm vụ bị trả lại',
    body: 'Kết quả một nhiệm vụ trong báo cáo bị trả lại.',
  },
  undelivered: {
    title: 'Nhắc hạn báo cáo không đến được ai',
    body: 'Cơ quan không có người dùng đang hoạt động.',
  },
};

/**
 * Notifications spread over the users: the coordinator (told of every submitted report) and the first
 * reporter get the most, as the busiest desks do; the newest ~3% of each user's are unread.
 */
export function* notificationRows(s: ActivityShape, rnd: Prng): Generator<Row> {
  const at = clock(s.firstYear, s.now, s.notifications);
  const unreadFrom = Math.floor(s.notifications * 0.97);
  for (let i = 0; i < s.notifications; i++) {
    const r = rnd.next();
    const user = r < 0.25 ? 1 : r < 0.3 ? 2 : r < 0.45 ? 3 : rnd.int(3, s.users);
    const kind: NotificationKind =
      user === 1
        ? rnd.weighted({ report_submitted: 85, indicator_value_submitted: 15 })
        : user === 2
          ? 'report_submitted'
          : rnd.weighted({
              reminder_before: 30,
              reminder_due: 20,
              report_returned: 10,
              report_accepted: 25,
              directive: 15,
            });
    const reportId = rnd.int(1, s.reports);
    const created = at(i);
    yield {
      id: i + 1,
      user_id: user,
      kind,
      ...NOTIFICATION_TEXT[kind],
      link: `/reports/${reportId}`,
      dedupe_key: `bench:${i + 1}:u${user}`,
      created_at: created,
      read_at: i >= unreadFrom ? null : created,
      plan_id: rnd.int(1, s.plans),
    };
  }
}
