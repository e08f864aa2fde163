import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Period } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { usePlan } from '../../api/plans';
import { usePeriodAction, usePlanPeriods } from '../../api/reporting';
import { useCan } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { listTitle } from '../../lib/planLabels';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { PlanBreadcrumb } from '../plans/PlanBreadcrumb';
import { ConsolidatedReportCard } from './consolidated/ConsolidatedReportCard';
import { ReviewReportsCard } from './consolidated/ReviewReportsCard';
import { ExtendPeriodModal } from './ExtendPeriodModal';
import { OpenPeriodModal } from './OpenPeriodModal';
import { periodColumns } from './periodColumns';

const CONFIRM: Record<
  'close' | 'reopen' | 'refresh',
  { title: string; content: string; ok: string; done: string }
> = {
  close: {
    title: 'Đóng kỳ báo cáo?',
    content:
      'Các cơ quan sẽ không sửa, gửi báo cáo được nữa; báo cáo đã gửi vẫn tiếp nhận hoặc trả lại được.',
    ok: 'Đóng kỳ',
    done: 'Đã đóng kỳ báo cáo.',
  },
  reopen: {
    title: 'Mở lại kỳ báo cáo?',
    content: 'Các cơ quan chưa được tiếp nhận báo cáo sẽ lại sửa và gửi được.',
    ok: 'Mở lại',
    done: 'Đã mở lại kỳ báo cáo.',
  },
  refresh: {
    title: 'Bổ sung báo cáo cho cơ quan mới có nhiệm vụ?',
    content: 'Cơ quan được giao thêm nhiệm vụ từ khi mở kỳ sẽ nhận báo cáo; báo cáo đã có được giữ nguyên.',
    ok: 'Bổ sung',
    done: 'Đã cập nhật danh sách báo cáo của kỳ.',
  },
};

function PlanPeriods({ planId }: { planId: number }) {
  const plan = usePlan(planId);
  const periods = usePlanPeriods(planId);
  const canManage = useCan('periods.manage');
  const action = usePeriodAction();
  const { message, modal } = App.useApp();
  const [opening, setOpening] = useState(false);
  const [extending, setExtending] = useState<Period | null>(null);
  usePageTitle(plan.data ? `Kỳ báo cáo — ${plan.data.number ?? 'Kế hoạch'}` : 'Kỳ báo cáo');

  const run = (p: Period, kind: 'close' | 'reopen' | 'refresh') => {
    const c = CONFIRM[kind];
    modal.confirm({
      title: c.title,
      content: `${p.title}: ${c.content}`,
      okText: c.ok,
      okButtonProps: { danger: kind === 'close' },
      cancelText: 'Hủy',
      onOk: () =>
        action
          .mutateAsync({ periodId: p.id, action: kind })
          .then(() => message.success(c.done))
          .catch((error: unknown) => {
            message.error(errorMessageOf(error));
          }),
    });
  };

  return (
    <>
      <PlanBreadcrumb planId={planId} planNumber={plan.data?.number} trail={[{ label: 'Kỳ báo cáo' }]} />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Kỳ báo cáo
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            Mở kỳ báo cáo
          </Button>
        )}
      </Flex>
      {plan.data && <Typography.Paragraph type="secondary">{listTitle(plan.data)}</Typography.Paragraph>}
      <Card>
        {periods.isError && <QueryErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
        <ResponsiveTable<Period>
          aria-label="Danh sách kỳ báo cáo"
          rowKey="id"
          columns={periodColumns({ canManage, onExtend: setExtending, onAction: run })}
          dataSource={periods.data?.items ?? []}
          loading={periods.isFetching}
          // Fits the page beside the side menu on a 1280-pixel screen; narrower screens scroll.
          scroll={{ x: 940 }}
          pagination={false}
          locale={{
            emptyText: periods.isError
              ? 'Chưa tải được dữ liệu'
              : 'Kế hoạch chưa có kỳ báo cáo nào. Bấm “Mở kỳ báo cáo” để bắt đầu.',
          }}
        />
      </Card>
      {periods.data && <ConsolidatedReportCard planId={planId} periods={periods.data.items} />}
      {periods.data && plan.data && (
        <ReviewReportsCard
          planId={planId}
          periods={periods.data.items}
          consolidatorOrgId={plan.data.regime?.consolidatorAgency?.organisationId ?? null}
        />
      )}
      {canManage && <OpenPeriodModal planId={planId} open={opening} onClose={() => setOpening(false)} />}
      <ExtendPeriodModal period={extending} onClose={() => setExtending(null)} />
    </>
  );
}

export function PlanPeriodsPage() {
  const id = idParam(useParams().planId);
  return id === null ? <NotFoundPage /> : <PlanPeriods key={id} planId={id} />;
}
