import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { PlanTaskListItem, TaskListSort } from '../../../../shared/contracts/plans';
import { errorMessageOf } from '../../api/ApiError';
import { taskListWorkbookUrl } from '../../api/exports';
import { type TaskFilter, usePlan, usePlanTasks, useTaskFacets } from '../../api/plans';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { vietnamYear } from '../../lib/dates';
import { listTitle } from '../../lib/planLabels';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { PrintHeader } from '../../print/PrintHeader';
import { usePrintWhenReady } from '../../print/usePrintWhenReady';
import { NotFoundPage } from '../errors/NotFoundPage';
import { PlanBreadcrumb } from './PlanBreadcrumb';
import { cutNote, loadTasksForPrint, type PrintableTasks } from './printAllTasks';
import { TaskFilters } from './TaskFilters';
import { type TaskListOrder, taskColumns } from './taskColumns';
import { filterFromParams, filterToParams, hasActiveFilter } from './taskFilterParams';
import { describeTaskFilter } from './taskFilterText';

function PlanTasks({ planId }: { planId: number }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const plan = usePlan(planId);
  const facets = useTaskFacets(planId);
  const tasks = usePlanTasks(planId, filter);
  const search = params.toString();
  usePageTitle(plan.data ? `Nhiệm vụ — Kế hoạch ${plan.data.number ?? ''}` : 'Nhiệm vụ');

  // Any change of a filter starts again from the first page, otherwise page 5 of a short result is empty.
  const refine = (change: Partial<TaskFilter>) =>
    setParams(filterToParams({ ...filter, ...change, page: 1 }));
  const active = hasActiveFilter(filter);
  const order: TaskListOrder = { sort: filter.sort ?? 'ordinal', order: filter.order ?? 'asc' };
  const statusYear = tasks.data?.year ?? filter.year ?? vietnamYear();

  // "In": every filtered task (not only this page) is loaded and drawn, then the print dialog opens;
  // when it closes the page goes back to its paged list.
  const { message } = App.useApp();
  const [printRows, setPrintRows] = useState<PrintableTasks | null>(null);
  const [loadingPrint, setLoadingPrint] = useState(false);
  usePrintWhenReady(
    printRows !== null,
    useCallback(() => setPrintRows(null), []),
  );
  const print = async () => {
    setLoadingPrint(true);
    try {
      const all = await loadTasksForPrint(planId, filter);
      const note = cutNote(all);
      if (note) void message.warning(note, 8);
      setPrintRows(all);
    } catch (e) {
      void message.error(errorMessageOf(e));
    } finally {
      setLoadingPrint(false);
    }
  };

  return (
    <>
      <PlanBreadcrumb planId={planId} planNumber={plan.data?.number} trail={[{ label: 'Nhiệm vụ' }]} />
      <PrintHeader
        plan={plan.data}
        what={`Danh sách nhiệm vụ (tình trạng năm ${statusYear})`}
        filters={describeTaskFilter(filter, facets.data, statusYear)}
        note={printRows ? (cutNote(printRows) ?? `Gồm ${printRows.items.length} nhiệm vụ.`) : undefined}
      />
      <Flex justify="space-between" align="flex-start" gap={12} wrap="wrap" className="no-print">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          Nhiệm vụ của kế hoạch {plan.data?.number ?? ''}
        </Typography.Title>
        <Flex gap={8} wrap="wrap">
          {/* Every task the filter selects, in the list's order, not only this page. */}
          <Button icon={<DownloadOutlined />} href={taskListWorkbookUrl(planId, filter)}>
            Xuất Excel
          </Button>
          <Button icon={<PrinterOutlined />} loading={loadingPrint} onClick={() => void print()}>
            In
          </Button>
        </Flex>
      </Flex>
      {plan.data && (
        <Typography.Paragraph
          type="secondary"
          className="no-print"
          ellipsis={{ rows: 2, tooltip: listTitle(plan.data) }}
        >
          {listTitle(plan.data)}
        </Typography.Paragraph>
      )}
      <Card>
        <TaskFilters
          filter={filter}
          facets={facets.data}
          statusYear={statusYear}
          onChange={refine}
          onReset={() => setParams({})}
          canReset={active}
        />
        {tasks.isError && <QueryErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
        <ResponsiveTable<PlanTaskListItem>
          aria-label="Danh sách nhiệm vụ"
          rowKey="id"
          columns={taskColumns(planId, search, order)}
          dataSource={printRows?.items ?? tasks.data?.items ?? []}
          loading={tasks.isFetching && !printRows}
          {...(printRows ? {} : { scroll: { x: 1300 } })}
          onRow={(t) => ({
            onClick: () =>
              navigate(`/ke-hoach/${planId}/nhiem-vu/${t.id}`, { state: { listSearch: search } }),
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: tasks.isError
              ? 'Chưa tải được dữ liệu'
              : active
                ? 'Không có nhiệm vụ phù hợp với bộ lọc'
                : 'Kế hoạch chưa có nhiệm vụ nào',
          }}
          pagination={
            printRows
              ? false
              : {
                  current: filter.page,
                  pageSize: filter.pageSize,
                  total: tasks.data?.total ?? 0,
                  showSizeChanger: true,
                  pageSizeOptions: [20, 50, 100],
                  showTotal: (total) => (active ? `Tìm thấy ${total} nhiệm vụ` : `Tổng số ${total} nhiệm vụ`),
                }
          }
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              // Sorting is done by the server over the whole list: back to the first page.
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as TaskListSort | undefined) : undefined;
              refine({
                sort: key && key !== 'ordinal' ? key : undefined,
                order: s?.order === 'descend' ? 'desc' : undefined,
              });
              return;
            }
            setParams(
              filterToParams({
                ...filter,
                page: pagination.current ?? 1,
                pageSize: pagination.pageSize ?? filter.pageSize,
              }),
            );
          }}
        />
      </Card>
    </>
  );
}

export function PlanTasksPage() {
  const planId = idParam(useParams().planId);
  return planId === null ? <NotFoundPage /> : <PlanTasks key={planId} planId={planId} />;
}
