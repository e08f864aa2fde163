import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { usePlan, usePlanTask } from '../../api/plans';
import { useTaskRevisions } from '../../api/revisions';
import { useTaskRequests } from '../../api/taskRequests';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { formatDeadlineDates } from '../../lib/deadlines';
import { listTitle } from '../../lib/planLabels';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { TaskDirectives } from '../reporting/TaskDirectives';
import { TaskReportHistory } from '../reporting/TaskReportHistory';
import { PlanAgencyList } from './PlanAgencyList';
import { PlanBreadcrumb } from './PlanBreadcrumb';
import { FileRequestModal } from './requests/FileRequestModal';
import { TaskRequestsPanel } from './requests/TaskRequestsPanel';
import { RemovedTag, RevisionHistory } from './revisions/RevisionHistory';
import { TaskEditModal } from './revisions/TaskEditModal';
import { TaskRemoveModal } from './revisions/TaskRemoveModal';

/** The list's filter, when the user came from a filtered list; "back" should land on that same view. */
function listSearchOf(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('listSearch' in state)) return '';
  return typeof state.listSearch === 'string' ? state.listSearch : '';
}

function PlanTask({ planId, taskId }: { planId: number; taskId: number }) {
  const plan = usePlan(planId);
  const task = usePlanTask(planId, taskId);
  const revisions = useTaskRevisions(planId, taskId);
  const requests = useTaskRequests(taskId);
  const [dialog, setDialog] = useState<'edit' | 'remove' | 'request' | null>(null);
  const listSearch = listSearchOf(useLocation().state);
  const listUrl = `/ke-hoach/${planId}/nhiem-vu${listSearch ? `?${listSearch}` : ''}`;
  usePageTitle(task.data ? `Nhiệm vụ ${task.data.ordinal}` : 'Nhiệm vụ');

  const back = (
    <Link to={listUrl}>
      <Button icon={<ArrowLeftOutlined />}>Về danh sách nhiệm vụ</Button>
    </Link>
  );
  if (task.isPending) return <FullPageSpinner tip="Đang tải nhiệm vụ…" />;
  if (task.isError)
    return <LoadFailedResult error={task.error} onRetry={() => void task.refetch()} back={back} />;

  const t = task.data;
  const dates = formatDeadlineDates(t.deadline);
  return (
    <>
      <PlanBreadcrumb
        planId={planId}
        planNumber={plan.data?.number}
        trail={[{ label: 'Nhiệm vụ', to: listUrl }, { label: `Nhiệm vụ ${t.ordinal}` }]}
      />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap="wrap">
          <Typography.Title level={2} style={{ margin: 0 }}>
            Nhiệm vụ {t.ordinal}
          </Typography.Title>
          {t.removedOn && <RemovedTag on={t.removedOn} />}
        </Flex>
        <Flex gap={8} wrap="wrap">
          {revisions.data?.canEdit && !t.removedOn && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                Sửa nhiệm vụ
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => setDialog('remove')}>
                Bãi bỏ nhiệm vụ
              </Button>
            </>
          )}
          {requests.data?.canFile && !t.removedOn && (
            <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('request')}>
              Đề nghị gia hạn / chuyển cơ quan chủ trì
            </Button>
          )}
          {back}
        </Flex>
      </Flex>
      {dialog === 'request' && <FileRequestModal task={t} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <TaskEditModal planId={planId} task={t} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <TaskRemoveModal planId={planId} task={t} onClose={() => setDialog(null)} />}
      <Card>
        <Descriptions
          bordered
          column={1}
          styles={{ label: { width: 200 } }}
          items={[
            { key: 'content', label: 'Nội dung', children: t.content },
            ...(t.group ? [{ key: 'group', label: 'Thuộc nhóm nhiệm vụ', children: t.group }] : []),
            {
              key: 'lead',
              label: 'Cơ quan chủ trì',
              children: <PlanAgencyList agencies={t.leads} empty="Chưa rõ" />,
            },
            {
              key: 'coordinators',
              label: 'Cơ quan phối hợp',
              children: <PlanAgencyList agencies={t.coordinators} empty="Không có" />,
            },
            {
              key: 'product',
              label: 'Sản phẩm',
              children: t.product ?? <Typography.Text type="secondary">Không nêu</Typography.Text>,
            },
            {
              key: 'deadline',
              label: 'Thời hạn hoàn thành',
              children: (
                <Flex gap={8} align="center" wrap="wrap">
                  <span>{t.deadline.text || 'Không nêu'}</span>
                  <DeadlineKindTag kind={t.deadline.kind} />
                  {dates && <Typography.Text type="secondary">({dates})</Typography.Text>}
                  {t.deadlineChange && (
                    <Typography.Text type="warning" style={{ flexBasis: '100%' }}>
                      {t.deadlineChange.text} — {t.deadlineChange.reason}
                      {t.deadlineChange.document &&
                        ` (${t.deadlineChange.document.number}${
                          t.deadlineChange.document.date
                            ? ` ngày ${formatDateVi(t.deadlineChange.document.date)}`
                            : ''
                        })`}
                      , có hiệu lực từ {formatDateVi(t.deadlineChange.effectiveOn)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            ...(t.addedOn
              ? [{ key: 'added', label: 'Có hiệu lực từ ngày', children: formatDateVi(t.addedOn) }]
              : []),
            ...(t.continuesFrom
              ? [
                  {
                    key: 'continues',
                    label: 'Tiếp nối',
                    children: (
                      <Link to={`/ke-hoach/${t.continuesFrom.planId}/nhiem-vu/${t.continuesFrom.taskId}`}>
                        {t.continuesFrom.label}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'plan',
              label: 'Thuộc kế hoạch',
              children: plan.data ? (
                <Link to={`/ke-hoach/${planId}`}>
                  {plan.data.number ?? 'Kế hoạch'} — {listTitle(plan.data)}
                </Link>
              ) : (
                '…'
              ),
            },
          ]}
        />
      </Card>
      <TaskRequestsPanel taskId={taskId} />
      <RevisionHistory planId={planId} data={revisions.data} loading={revisions.isPending} />
      <TaskReportHistory taskId={taskId} />
      <TaskDirectives taskId={taskId} />
    </>
  );
}

export function PlanTaskPage() {
  const params = useParams();
  const planId = idParam(params.planId);
  const taskId = idParam(params.taskId);
  if (planId === null || taskId === null) return <NotFoundPage />;
  return <PlanTask key={`${planId}-${taskId}`} planId={planId} taskId={taskId} />;
}
