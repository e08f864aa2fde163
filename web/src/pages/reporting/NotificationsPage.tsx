import { Button, Card, Flex, Grid, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../../../shared/contracts/notifications';
import { clientLinkOf, useMarkNotificationRead, useNotifications } from '../../api/notifications';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { listTotalText } from '../../lib/listTotal';
import { usePageTitle } from '../../lib/usePageTitle';

export function NotificationsPage() {
  usePageTitle('Thông báo');
  const navigate = useNavigate();
  const [filter, setFilter] = useState({ unreadOnly: false, page: 1, pageSize: 20 });
  const list = useNotifications(filter);
  const markRead = useMarkNotificationRead();
  const unread = list.data?.unread ?? 0;
  // On a phone the buttons go under the text instead of squeezing it into a narrow column.
  const phone = Grid.useBreakpoint().md === false;

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = clientLinkOf(n.link);
    if (to) navigate(to);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Thông báo
        </Typography.Title>
        <Button disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
          Đánh dấu tất cả đã đọc
        </Button>
      </Flex>
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={filter.unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setFilter((f) => ({ ...f, unreadOnly: v === 'unread', page: 1 }))}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unread', label: `Chưa đọc (${unread})` },
          ]}
        />
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <List<Notification>
          itemLayout={phone ? 'vertical' : 'horizontal'}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: filter.unreadOnly ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => listTotalText(total, list.data?.totalCapped, 'thông báo'),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          renderItem={(n) => (
            <List.Item
              actions={[
                ...(clientLinkOf(n.link)
                  ? [
                      <Button key="open" type="link" onClick={() => open(n)}>
                        Xem
                      </Button>,
                    ]
                  : []),
                ...(n.readAt
                  ? []
                  : [
                      <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                        Đánh dấu đã đọc
                      </Button>,
                    ]),
              ]}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap="wrap">
                    <span style={{ fontWeight: n.readAt ? 'normal' : 600 }}>{n.title}</span>
                    {!n.readAt && <Tag color="blue">Mới</Tag>}
                  </Flex>
                }
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
                    <div
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: 'rgba(0,0,0,0.75)' }}
                    >
                      {n.body}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
