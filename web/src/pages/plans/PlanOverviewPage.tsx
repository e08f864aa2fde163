import { EditOutlined, LineChartOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { usePlan } from '../../api/plans';
import { usePlanRevisions } from '../../api/revisions';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AmendmentUploadButton } from './amendments/AmendmentUploadButton';
import { PlanBreadcrumb } from './PlanBreadcrumb';
import { PlanDuties } from './PlanDuties';
import { PlanHeader } from './PlanHeader';
import { PlanRegime } from './PlanRegime';
import { PlanSectionTree } from './PlanSectionTree';
import { PlanTargetsTable } from './PlanTargetsTable';
import { GroupRenameModal } from './revisions/GroupRenameModal';
import { PlanEndModal } from './revisions/PlanEndModal';
import { PlanEndUndoModal } from './revisions/PlanEndUndoModal';
import { PlanHeaderEditModal } from './revisions/PlanHeaderEditModal';
import { RevisionHistory } from './revisions/RevisionHistory';
import { TaskEditModal } from './revisions/TaskEditModal';

const TABS = ['muc-tieu', 'che-do-bao-cao', 'phan-cong', 'noi-dung', 'lich-su'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return (TABS as readonly (string | null)[]).includes(value);
}

function PlanOverview({ id }: { id: number }) {
  const plan = usePlan(id);
  const revisions = usePlanRevisions(id);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'header' | 'task' | 'group' | 'end' | 'undo-end' | null>(null);
  // The open tab is in the address, so "send me the reporting regime of plan 148" is one link.
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'muc-tieu';
  usePageTitle(plan.data ? `Kế hoạch ${plan.data.number ?? ''}` : 'Kế hoạch');

  if (plan.isPending) return <FullPageSpinner tip="Đang tải kế hoạch…" />;
  if (plan.isError) {
    return (
      <LoadFailedResult
        error={plan.error}
        onRetry={() => void plan.refetch()}
        back={
          <Link to="/ke-hoach">
            <Button type="primary">Về danh sách kế hoạch</Button>
          </Link>
        }
      />
    );
  }
  const p = plan.data;
  return (
    <>
      <PlanBreadcrumb planId={p.id} planNumber={p.number} />
      <PlanHeader plan={p} />
      {p.end && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <>
              {p.end.text}.{' '}
              {p.end.replacedBy && <Link to={`/ke-hoach/${p.end.replacedBy.id}`}>Xem kế hoạch thay thế</Link>}
            </>
          }
          description="Kế hoạch không mở kỳ báo cáo mới và không sửa được nữa; các nhiệm vụ, báo cáo và lịch sử của kế hoạch vẫn được giữ để tra cứu."
          action={
            revisions.data?.canUndoEnd && (
              <Button size="small" icon={<UndoOutlined />} onClick={() => setDialog('undo-end')}>
                Hoàn tác bãi bỏ / thay thế
              </Button>
            )
          }
        />
      )}
      {/* An ended plan is changed no more: the server says so (canEdit false), the banner above says why. */}
      {revisions.data?.canEdit && (
        <Flex gap={8} wrap="wrap" style={{ marginBottom: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => setDialog('header')}>
            Sửa thông tin chung
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setDialog('task')}>
            Thêm nhiệm vụ
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setDialog('group')}>
            Đổi tên nhóm nhiệm vụ
          </Button>
          <AmendmentUploadButton planId={p.id} />
          <Button danger icon={<StopOutlined />} onClick={() => setDialog('end')}>
            Bãi bỏ / thay thế kế hoạch
          </Button>
        </Flex>
      )}
      {dialog === 'end' && <PlanEndModal plan={p} onClose={() => setDialog(null)} />}
      {dialog === 'undo-end' && <PlanEndUndoModal plan={p} onClose={() => setDialog(null)} />}
      {dialog === 'group' && <GroupRenameModal planId={p.id} onClose={() => setDialog(null)} />}
      {dialog === 'header' && <PlanHeaderEditModal plan={p} onClose={() => setDialog(null)} />}
      {dialog === 'task' && (
        <TaskEditModal
          planId={p.id}
          task={null}
          nextOrdinal={String(p.taskCount + 1)}
          onClose={() => setDialog(null)}
          onSaved={(taskId) => taskId && navigate(`/ke-hoach/${p.id}/nhiem-vu/${taskId}`)}
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'muc-tieu' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'muc-tieu',
              label: `Mục tiêu (${p.targets.length})`,
              children: (
                <>
                  {p.targets.length > 0 && (
                    <Link
                      to={`/ke-hoach/${p.id}/chi-tieu`}
                      style={{ display: 'inline-block', marginBottom: 12 }}
                    >
                      <Button icon={<LineChartOutlined />}>Số liệu và đánh giá thực hiện chỉ tiêu</Button>
                    </Link>
                  )}
                  <PlanTargetsTable
                    targets={p.targets}
                    planId={p.id}
                    canEdit={revisions.data?.canEdit ?? false}
                  />
                </>
              ),
            },
            { key: 'che-do-bao-cao', label: 'Chế độ báo cáo', children: <PlanRegime regime={p.regime} /> },
            {
              key: 'phan-cong',
              label: `Nhiệm vụ của các cơ quan (${p.duties.length})`,
              children: <PlanDuties planId={p.id} duties={p.duties} />,
            },
            {
              key: 'noi-dung',
              label: 'Nội dung kế hoạch',
              children: <PlanSectionTree sections={p.sections} />,
            },
            {
              key: 'lich-su',
              label: `Lịch sử thay đổi${revisions.data ? ` (${revisions.data.items.length})` : ''}`,
              children: (
                <RevisionHistory planId={p.id} data={revisions.data} loading={revisions.isPending} bare />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

export function PlanOverviewPage() {
  const id = idParam(useParams().planId);
  return id === null ? <NotFoundPage /> : <PlanOverview key={id} id={id} />;
}
