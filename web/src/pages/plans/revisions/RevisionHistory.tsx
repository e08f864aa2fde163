import { Card, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { RevisionView } from '../../../../../shared/contracts/plan-revisions';
import { formatDate, formatDateTime } from '../../../lib/dates';

const ACTION_COLORS = { add: 'green', update: 'blue', remove: 'red' } as const;

/** One revision: what changed, when and by whom, why, the amending document, each field before → after. */
function RevisionItem({ r }: { r: RevisionView }) {
  return (
    <Flex vertical gap={4} data-testid="revision">
      <Flex gap={8} wrap="wrap" align="baseline">
        <Typography.Text strong>{r.title}</Typography.Text>
        <Typography.Text type="secondary">
          {formatDateTime(r.at)}
          {r.by ? ` · ${r.by}` : ''}
        </Typography.Text>
      </Flex>
      <Typography.Text>
        <Typography.Text type="secondary">Lý do: </Typography.Text>
        {r.reason}
      </Typography.Text>
      {r.document && (
        <Typography.Text>
          <Typography.Text type="secondary">Văn bản điều chỉnh: </Typography.Text>
          {r.document.number}
          {r.document.date ? ` ngày ${formatDate(r.document.date)}` : ''}
        </Typography.Text>
      )}
      {r.changes.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {r.changes.map((c) => (
            <li key={c.field}>
              <Typography.Text type="secondary">{c.label}: </Typography.Text>
              {r.action === 'add' ? (
                <span>{c.after ?? '(trống)'}</span>
              ) : (
                <>
                  <Typography.Text delete={r.action !== 'remove'}>{c.before ?? '(trống)'}</Typography.Text>
                  {' → '}
                  <Typography.Text strong>{c.after ?? '(trống)'}</Typography.Text>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

/**
 * "Lịch sử thay đổi": the revisions of a plan or a task, newest first; in a card of its own, or bare
 * (`bare`) inside a tab that already names it.
 */
export function RevisionHistory({
  items,
  loading,
  bare = false,
}: {
  items: RevisionView[] | undefined;
  loading: boolean;
  bare?: boolean;
}) {
  const body =
    items && items.length === 0 ? (
      <Empty description="Chưa có thay đổi nào kể từ khi kế hoạch được ban hành." />
    ) : (
      <Timeline
        items={(items ?? []).map((r) => ({
          key: r.id,
          color: ACTION_COLORS[r.action],
          children: <RevisionItem r={r} />,
        }))}
      />
    );
  if (bare) return <div data-testid="revision-history">{loading ? <Spin /> : body}</div>;
  return (
    <Card title="Lịch sử thay đổi" loading={loading} style={{ marginTop: 16 }} data-testid="revision-history">
      {body}
    </Card>
  );
}

export function RemovedTag({ on }: { on: string }) {
  return <Tag color="red">Đã bãi bỏ từ ngày {formatDate(on)}</Tag>;
}
