import { Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { IndicatorSummary } from '../../../../shared/contracts/indicators';
import { usePlanIndicators } from '../../api/indicators';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { PlanBreadcrumb } from '../plans/PlanBreadcrumb';
import { ExcelButtons } from './ExcelButtons';
import { indicatorColumns } from './indicatorColumns';

function PlanIndicators({ planId }: { planId: number }) {
  const [filter, setFilter] = useState<{ q?: string; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const list = usePlanIndicators(planId, filter);
  const plan = list.data?.plan;
  usePageTitle(plan ? `Chỉ tiêu — Kế hoạch ${plan.number ?? ''}` : 'Chỉ tiêu');

  return (
    <>
      <PlanBreadcrumb planId={planId} planNumber={plan?.number} trail={[{ label: 'Chỉ tiêu, chỉ số' }]} />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Chỉ tiêu và đánh giá thực hiện
          </Typography.Title>
          {plan && (
            <Typography.Text type="secondary">
              Kế hoạch {plan.number ?? ''} — {plan.title}
            </Typography.Text>
          )}
        </div>
        <Flex gap={8} wrap="wrap">
          <ExcelButtons planId={planId} />
        </Flex>
      </Flex>
      <Card>
        <Input.Search
          placeholder="Tìm chỉ số theo mã, tên (gõ không dấu cũng được)"
          aria-label="Tìm chỉ số"
          allowClear
          enterButton="Tìm"
          onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined, page: 1 }))}
          style={{ maxWidth: 480, marginBottom: 16 }}
        />
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<IndicatorSummary>
          aria-label="Danh sách chỉ số"
          rowKey="id"
          columns={indicatorColumns(planId)}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 960 }}
          locale={{
            emptyText: list.isError
              ? 'Chưa tải được dữ liệu'
              : filter.q
                ? 'Không có chỉ số phù hợp'
                : 'Kế hoạch không có chỉ tiêu định lượng nào',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showTotal: (total) => `${total} chỉ số`,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}

export function PlanIndicatorsPage() {
  const planId = idParam(useParams().planId);
  return planId === null ? <NotFoundPage /> : <PlanIndicators key={planId} planId={planId} />;
}
