import { Card, Col, Row } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardPlan } from '../../../../shared/contracts/dashboard';
import {
  TASK_STATUS_CODES,
  TASK_STATUS_LABELS,
  type TaskStatusCode,
} from '../../../../shared/domain/task-status';
import { formatNumber } from '../../lib/numbers';
import { type BoardFilter, taskListLink } from './drillDown';
import { STATUS_CHART_COLORS } from './statusColors';

function Tile({ label, value, to, accent }: { label: string; value: string; to: string; accent: string }) {
  return (
    <Link to={to} aria-label={`${label}: ${value}`} style={{ display: 'block', height: '100%' }}>
      <Card size="small" hoverable style={{ height: '100%', borderTop: `4px solid ${accent}` }}>
        {/* Two lines for every label, so the figures line up across the row. */}
        <div style={{ color: 'rgba(0,0,0,0.75)', minHeight: 44 }}>{label}</div>
        <div style={{ fontSize: 28, fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{value}</div>
      </Card>
    </Link>
  );
}

/** The plan's counts as the first thing read: the total and each category, each opening its tasks. */
export function StatusTiles({
  planId,
  board,
  filter,
}: {
  planId: number;
  board: DashboardPlan;
  filter: BoardFilter;
}) {
  const tile = (code: TaskStatusCode) => (
    <Col key={code} xs={12} md={8} xl={3}>
      <Tile
        label={TASK_STATUS_LABELS[code]}
        value={formatNumber(board.tasks[code])}
        to={taskListLink(planId, filter, { status: code })}
        accent={STATUS_CHART_COLORS[code]}
      />
    </Col>
  );
  const completion = board.tasks.completionRate;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={8} xl={3}>
        <Tile
          label="Tổng số nhiệm vụ"
          value={formatNumber(board.tasks.total)}
          to={taskListLink(planId, filter)}
          accent="#595959"
        />
      </Col>
      {TASK_STATUS_CODES.map(tile)}
      <Col xs={12} md={8} xl={3}>
        <Card size="small" style={{ height: '100%', borderTop: '4px solid #389e0d' }}>
          <div style={{ color: 'rgba(0,0,0,0.75)', minHeight: 44 }}>Tỷ lệ hoàn thành</div>
          <div style={{ fontSize: 28, fontWeight: 600 }}>
            {completion === null ? '—' : `${formatNumber(Math.round(completion * 1000) / 10)}%`}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
