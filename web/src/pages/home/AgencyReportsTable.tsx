import { Segmented, Table } from 'antd';
import { useState } from 'react';
import { REPORT_STATE_LABELS, type ReportState } from '../../../../shared/contracts/reporting';
import { useReportList } from '../../api/reporting';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { reportColumns } from '../reporting/reportColumns';

type StateFilter = ReportState | 'all';

/**
 * Every report of the agency, accepted ones included, newest due date first: an accepted report
 * leaves the list of what to send but stays findable here (filter "Đã tiếp nhận").
 */
export function AgencyReportsTable({ organisationId }: { organisationId: number }) {
  const [state, setState] = useState<StateFilter>('all');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const list = useReportList({
    organisationId,
    ...(state === 'all' ? {} : { state }),
    page,
    pageSize,
  });
  const columns = reportColumns({ canReview: false }).filter((c) => c.title !== 'Cơ quan');

  return (
    <>
      <Segmented<StateFilter>
        aria-label="Lọc báo cáo theo trạng thái"
        value={state}
        onChange={(v) => {
          setState(v);
          setPage(1);
        }}
        options={[
          { value: 'all', label: 'Tất cả' },
          ...(['returned', 'draft', 'submitted', 'accepted'] as const).map((s) => ({
            value: s,
            label: REPORT_STATE_LABELS[s],
          })),
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 700 }}
        locale={{ emptyText: 'Không có báo cáo nào ở trạng thái này.' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `${n} báo cáo`,
        }}
      />
    </>
  );
}
