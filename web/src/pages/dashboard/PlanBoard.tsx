import { Col, Row, Spin } from 'antd';
import { useDashboardPlan } from '../../api/dashboard';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import type { BoardFilter } from './drillDown';
import { ConcernsCard, DirectivesCard } from './NotesCards';
import { OverdueCard } from './OverdueCard';
import { ReportingCard } from './ReportingCard';
import { StatusTiles } from './StatusTiles';
import { TargetsCard } from './TargetsCard';
import { AgencyChart, StatusChart } from './TaskCharts';

/** One plan in depth under the board's filters; every number and bar opens the list behind it. */
export function PlanBoard({ planId, filter }: { planId: number; filter: BoardFilter }) {
  const board = useDashboardPlan(planId, filter);
  if (board.isError) return <QueryErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data)
    return <Spin tip="Đang tải tổng quan kế hoạch…" style={{ display: 'block', padding: 48 }} />;
  const b = board.data;
  // The drill-downs judge the same year the board shows.
  const f: BoardFilter = { ...filter, year: b.year };
  return (
    <div aria-busy={board.isFetching}>
      <StatusTiles planId={planId} board={b} filter={f} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <StatusChart planId={planId} board={b} filter={f} />
        </Col>
        <Col xs={24} xl={15}>
          <AgencyChart planId={planId} board={b} filter={f} />
        </Col>
        <Col xs={24} xl={15}>
          <OverdueCard planId={planId} board={b} filter={f} />
        </Col>
        <Col xs={24} xl={9}>
          <ReportingCard planId={planId} board={b} />
        </Col>
        <Col xs={24}>
          <TargetsCard planId={planId} targets={b.targets} />
        </Col>
        <Col xs={24} xl={12}>
          <DirectivesCard planId={planId} board={b} />
        </Col>
        <Col xs={24} xl={12}>
          <ConcernsCard planId={planId} board={b} />
        </Col>
      </Row>
    </div>
  );
}
