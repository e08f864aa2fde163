import { Card, Empty, Flex, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TaskRequestState, TaskRequestView } from '../../../../../shared/contracts/task-requests';
import { taskPath } from '../../../../../shared/domain/app-links';
import { useTaskRequestQueue } from '../../../api/taskRequests';
import { usePageTitle } from '../../../lib/usePageTitle';
import { DecideRequestModal } from './DecideRequestModal';
import { RequestItem } from './RequestItem';

const TABS: { key: TaskRequestState; label: string }[] = [
  { key: 'pending', label: 'Chờ duyệt' },
  { key: 'approved', label: 'Đã chấp thuận' },
  { key: 'refused', label: 'Không chấp thuận' },
];

/** "Đề nghị chờ duyệt": agencies' requests on the plans the coordinator's agency consolidates. */
export function TaskRequestsPage() {
  usePageTitle('Đề nghị của các cơ quan');
  const [state, setState] = useState<TaskRequestState>('pending');
  const queue = useTaskRequestQueue(state);
  const [deciding, setDeciding] = useState<{ r: TaskRequestView; decision: 'approve' | 'refuse' } | null>(
    null,
  );
  const counts = queue.data?.counts;
  return (
    <>
      <Typography.Title level={2}>Đề nghị của các cơ quan</Typography.Title>
      <Typography.Paragraph type="secondary">
        Cơ quan chủ trì đề nghị gia hạn hoặc chuyển cơ quan chủ trì nhiệm vụ trên các kế hoạch do cơ quan bạn
        theo dõi, tổng hợp. Chấp thuận thì kế hoạch được sửa ngay, lịch sử thay đổi ghi lại đề nghị; cơ quan
        đề nghị được thông báo kết quả.
      </Typography.Paragraph>
      <Tabs
        activeKey={state}
        onChange={(k) => setState(k as TaskRequestState)}
        items={TABS.map((t) => ({
          key: t.key,
          label: counts ? `${t.label} (${counts[t.key].toLocaleString('vi-VN')})` : t.label,
        }))}
      />
      {queue.isPending ? (
        <Spin />
      ) : (queue.data?.items ?? []).length === 0 ? (
        <Empty description="Không có đề nghị nào." />
      ) : (
        <Flex vertical gap={12}>
          {queue.data?.items.map((r) => (
            <Card
              key={r.id}
              size="small"
              title={
                <Link to={taskPath(r.plan.id, r.task.id)}>
                  {r.plan.label} · Nhiệm vụ {r.task.ordinal}
                </Link>
              }
            >
              <RequestItem r={r} showTask onDecide={(decision) => setDeciding({ r, decision })} />
            </Card>
          ))}
        </Flex>
      )}
      {deciding && (
        <DecideRequestModal
          request={deciding.r}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
