import { Typography } from 'antd';

/** Details are free-form JSON; shown compactly on two lines and expandable for the curious. */
export function AuditDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  if (text === '{}' || text === '[]') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph
      style={{ margin: 0, fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
      ellipsis={{
        rows: 2,
        expandable: 'collapsible',
        symbol: (expanded) => (expanded ? 'Thu gọn' : 'Xem thêm'),
      }}
    >
      {text}
    </Typography.Paragraph>
  );
}
