import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  REPORT_STATE_LABELS,
  REPORT_STATES,
  type ReportSummary,
} from '../../../../shared/contracts/reporting';
import { type ReportFilter, useReportList } from '../../api/reporting';
import { useCan } from '../../auth/SessionContext';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { usePageTitle } from '../../lib/usePageTitle';
import { PeriodSelect } from './PeriodSelect';
import { PlanSelect } from './PlanSelect';
import { reportColumns } from './reportColumns';
import { filterFromParams, paramsFromFilter } from './reportFilterParams';

const STATE_OPTIONS = [
  { value: 'tat-ca', label: 'Mọi trạng thái' },
  ...REPORT_STATES.map((s) => ({ value: s, label: REPORT_STATE_LABELS[s] })),
];

/** Agencies' reports across plans and periods; by default those waiting to be accepted or returned. */
export function ReportInboxPage() {
  usePageTitle('Báo cáo của các cơ quan');
  const canReview = useCan('reports.review');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = useReportList(filter);

  const set = (next: ReportFilter) => setParams(paramsFromFilter(next), { replace: true });
  // Any change of the filter starts again from the first page, otherwise page 5 of a short result is empty.
  const refine = (change: Partial<ReportFilter>) => set({ ...filter, ...change, page: 1 });

  return (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Báo cáo của các cơ quan
        </Typography.Title>
        {/* Agencies send while the coordinator works through the list; one click shows the new arrivals. */}
        <Button icon={<ReloadOutlined />} loading={list.isFetching} onClick={() => void list.refetch()}>
          Làm mới
        </Button>
      </Flex>
      <Card>
        <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
          <PlanSelect
            aria-label="Lọc theo kế hoạch"
            placeholder="Tất cả kế hoạch"
            allowClear
            value={filter.planId}
            onChange={(planId) => refine({ planId, periodId: undefined })}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <PeriodSelect
            aria-label="Lọc theo kỳ báo cáo"
            placeholder="Tất cả kỳ báo cáo"
            allowClear
            planId={filter.planId}
            value={filter.periodId}
            onChange={(periodId) => refine({ periodId })}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Select
            aria-label="Lọc theo trạng thái"
            value={filter.state ?? 'tat-ca'}
            options={STATE_OPTIONS}
            onChange={(v: string) =>
              refine({ state: v === 'tat-ca' ? undefined : (v as ReportSummary['state']) })
            }
            style={{ width: 220 }}
          />
          <OrganisationSelect
            aria-label="Lọc theo cơ quan"
            placeholder="Tất cả cơ quan"
            allowClear
            value={filter.organisationId ?? null}
            onChange={(id) => refine({ organisationId: id ?? undefined })}
            style={{ width: 280, maxWidth: '100%' }}
          />
        </Flex>
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<ReportSummary>
          aria-label="Danh sách báo cáo"
          rowKey="id"
          columns={reportColumns({ canReview })}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1320 }}
          locale={{
            emptyText: list.isError
              ? 'Chưa tải được dữ liệu'
              : filter.state === 'submitted'
                ? 'Không có báo cáo nào đang chờ tiếp nhận'
                : 'Không có báo cáo phù hợp',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `Tổng số ${total} báo cáo`,
            onChange: (page) => set({ ...filter, page }),
          }}
        />
      </Card>
    </>
  );
}
