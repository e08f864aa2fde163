import { Card, Empty, Flex, Spin } from 'antd';
import { useState } from 'react';
import type { TaskRequestView } from '../../../../../shared/contracts/task-requests';
import { useTaskRequests } from '../../../api/taskRequests';
import { DecideRequestModal } from './DecideRequestModal';
import { RequestItem } from './RequestItem';

/** The task's requests and their outcome, on the task page; shown once there is one. */
export function TaskRequestsPanel({ taskId }: { taskId: number }) {
  const requests = useTaskRequests(taskId);
  const [deciding, setDeciding] = useState<{ r: TaskRequestView; decision: 'approve' | 'refuse' } | null>(
    null,
  );
  if (requests.isPending) return <Spin />;
  const items = requests.data?.items ?? [];
  if (items.length === 0 && !requests.data?.canFile) return null;
  return (
    <Card title="Đề nghị gia hạn, chuyển cơ quan chủ trì" style={{ marginTop: 16 }}>
      {items.length === 0 ? (
        <Empty description="Chưa có đề nghị nào về nhiệm vụ này." image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={16}>
          {items.map((r) => (
            <RequestItem key={r.id} r={r} onDecide={(decision) => setDeciding({ r, decision })} />
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
    </Card>
  );
}
