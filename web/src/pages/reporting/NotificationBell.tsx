import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Notification } from '../../../../shared/contracts/notifications';
import { clientLinkOf, useMarkNotificationRead, useNotifications } from '../../api/notifications';
import { formatDateTime } from '../../lib/dates';

/** Header bell: unread count, the latest few, one click opens the report concerned and marks it read. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const list = useNotifications({ unreadOnly: false, page: 1, pageSize: 8 });
  const markRead = useMarkNotificationRead();
  const unread = list.data?.unread ?? 0;

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = clientLinkOf(n.link);
    setOpen(false);
    if (to) navigate(to);
  };

  const panel = (
    <div
      style={{
        width: 380,
        maxWidth: '90vw',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
        padding: 12,
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>Thông báo</Typography.Text>
        {unread > 0 && (
          <Button size="small" type="link" onClick={() => markRead.mutate('all')}>
            Đánh dấu tất cả đã đọc
          </Button>
        )}
      </Flex>
      <List<Notification>
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo." />,
        }}
        style={{ maxHeight: 400, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            onClick={() => openItem(n)}
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
          >
            <List.Item.Meta
              title={<span style={{ fontWeight: n.readAt ? 'normal' : 600 }}>{n.title}</span>}
              description={
                <>
                  {n.plan && (
                    <Typography.Text
                      type="secondary"
                      style={{ display: 'block', fontSize: 12 }}
                      title={n.plan.title}
                    >
                      Kế hoạch {n.plan.label}
                    </Typography.Text>
                  )}
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        <Link to="/thong-bao" onClick={() => setOpen(false)}>
          Xem tất cả thông báo
        </Link>
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} popupRender={() => panel}>
      <Button
        type="text"
        style={{ marginInlineEnd: 12 }}
        aria-label={unread > 0 ? `Thông báo, ${unread} chưa đọc` : 'Thông báo'}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
