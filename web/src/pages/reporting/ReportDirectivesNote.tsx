import { Alert } from 'antd';
import { useDirectives } from '../../api/reporting';
import { formatDateTime } from '../../lib/dates';

/** Directives left on a report: shown on the work list, since the agency has to act on them. */
export function ReportDirectivesNote({ reportId }: { reportId: number }) {
  const directives = useDirectives({ kind: 'report', reportId });
  const items = directives.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`Ý kiến chỉ đạo (${items.length})`}
      description={items.slice(0, 3).map((d) => (
        <div key={d.id} style={{ marginBottom: 4 }}>
          <strong>{d.author.name}</strong> ({formatDateTime(d.createdAt)}):{' '}
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.text}</span>
        </div>
      ))}
    />
  );
}
