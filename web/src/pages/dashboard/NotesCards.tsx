import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DashboardPlan } from '../../../../shared/contracts/dashboard';
import { formatDateTime } from '../../lib/dates';
import { DirectiveDelivery } from '../reporting/DirectiveDelivery';
import { reportLink, taskLink } from './drillDown';
import { EmptyNote } from './EmptyNote';

/** Links inside a sentence are underlined: colour alone does not tell them apart (WCAG 1.4.1). */
const inText = { textDecoration: 'underline' } as const;

/** The newest directives of leaders on the plan's tasks and reports, each linking to what it is about. */
export function DirectivesCard({ planId, board }: { planId: number; board: DashboardPlan }) {
  return (
    <Card size="small" title="Ý kiến chỉ đạo mới nhất" style={{ height: '100%' }}>
      <List
        size="small"
        dataSource={board.directives}
        locale={{ emptyText: <EmptyNote>Chưa có ý kiến chỉ đạo.</EmptyNote> }}
        renderItem={(d) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ fontSize: 13 }}>
                {d.author.name} ({d.authorOrganisation}), {formatDateTime(d.createdAt)} — về{' '}
                {d.taskId !== null ? (
                  <Link to={taskLink(planId, d.taskId)} style={inText}>
                    nhiệm vụ {d.taskOrdinal}
                  </Link>
                ) : (
                  <Link to={reportLink(d.reportId!)} style={inText}>
                    báo cáo của {d.reportOrganisation}
                  </Link>
                )}
              </div>
              <Typography.Paragraph
                style={{ margin: 0 }}
                ellipsis={{ rows: 3, expandable: true, symbol: 'Xem thêm' }}
              >
                {d.text}
              </Typography.Paragraph>
              <DirectiveDelivery delivery={d.delivery} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Difficulties and proposals from the period's submitted reports: the report's own, then per task. */
export function ConcernsCard({ planId, board }: { planId: number; board: DashboardPlan }) {
  return (
    <Card size="small" title="Khó khăn, vướng mắc và kiến nghị" style={{ height: '100%' }}>
      <List
        size="small"
        dataSource={board.concerns}
        pagination={board.concerns.length > 6 ? { pageSize: 6, size: 'small', align: 'center' } : false}
        locale={{ emptyText: <EmptyNote>Các báo cáo đã gửi chưa nêu khó khăn hay kiến nghị.</EmptyNote> }}
        renderItem={(c) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ fontSize: 13 }}>
                <Link to={reportLink(c.reportId)} style={inText}>
                  {c.organisation.name}
                </Link>
                {c.task ? (
                  <>
                    {' — '}
                    <Link to={taskLink(planId, c.task.id)} style={inText}>
                      nhiệm vụ {c.task.ordinal}
                    </Link>
                  </>
                ) : (
                  ' — chung'
                )}
              </div>
              {c.difficulties && (
                <Typography.Paragraph
                  style={{ margin: 0 }}
                  ellipsis={{ rows: 3, expandable: true, symbol: 'Xem thêm' }}
                >
                  <strong>Khó khăn:</strong> {c.difficulties}
                </Typography.Paragraph>
              )}
              {c.proposals && (
                <Typography.Paragraph
                  style={{ margin: 0 }}
                  ellipsis={{ rows: 3, expandable: true, symbol: 'Xem thêm' }}
                >
                  <strong>Kiến nghị:</strong> {c.proposals}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
