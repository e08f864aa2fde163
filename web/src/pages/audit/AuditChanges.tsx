import { Typography } from 'antd';
import type { AuditEntry } from '../../../../shared/contracts/audit';

/** Changed fields as "Vai trò: Cán bộ báo cáo → Cán bộ tổng hợp", facts as "Lý do: …". */
export function AuditChanges({ changes }: { changes: AuditEntry['changes'] }) {
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.map((c) => (
        <li key={c.label} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">{c.label}: </Typography.Text>
          {c.before !== null && (
            <>
              <Typography.Text delete>{c.before}</Typography.Text> →{' '}
            </>
          )}
          {c.after ?? <Typography.Text type="secondary">(trống)</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}
