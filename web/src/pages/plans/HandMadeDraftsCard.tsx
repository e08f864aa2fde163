import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useHandMadeDrafts } from '../../api/plan-drafts';
import { formatDateTime } from '../../lib/dates';

/** Hand-made plans not yet confirmed, so a form left half-filled is picked up again. */
export function HandMadeDraftsCard({ enabled }: { enabled: boolean }) {
  const drafts = useHandMadeDrafts(enabled);
  const items = drafts.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="Kế hoạch nhập tay đang làm dở" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={items}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/ke-hoach/tao-moi/${d.id}`}>
              {[d.number, d.title.trim() || 'Kế hoạch chưa có tên'].filter(Boolean).join(' · ')}
            </Link>
            <Typography.Text type="secondary">
              {d.tasks} nhiệm vụ · {d.consolidator ?? 'chưa chọn cơ quan tổng hợp'} · sửa lúc{' '}
              {formatDateTime(d.updatedAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
