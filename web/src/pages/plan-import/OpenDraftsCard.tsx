import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useOpenDrafts } from '../../api/plan-import';
import { formatDateTime } from '../../lib/dates';

/** Reviews left half-way: listed so nobody has to upload the document again to finish one. */
export function OpenDraftsCard() {
  const drafts = useOpenDrafts();
  const items = drafts.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="Bản nháp chưa xác nhận" style={{ maxWidth: 880, marginTop: 16 }}>
      <List
        dataSource={items}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/ke-hoach/nhap/${d.id}`}>{d.number ? `${d.number} — ${d.title}` : d.title}</Link>
              }
              description={
                <Typography.Text type="secondary">
                  Tệp {d.filename}, tải lên lúc {formatDateTime(d.createdAt)}
                  {d.createdByName ? ` bởi ${d.createdByName}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
