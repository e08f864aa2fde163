import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ENTRY_FIELD_LABELS } from '../../../../shared/contracts/field-labels';
import { ENTRY_FIELDS } from '../../../../shared/contracts/report-fields';
import { ENTRY_PROGRESS_LABELS, ENTRY_ROLE_LABELS } from '../../../../shared/contracts/reporting';
import { type TaskHistory, useTaskHistory } from '../../api/reporting';
import { useCan } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/dates';
import { AttachmentLink } from './AttachmentField';
import { fieldViewItems } from './ReportFieldView';
import { ReportStateTag } from './ReportStateTag';
import { RichTextView } from './RichTextView';
import { TaskStatusTag } from './TaskStatusTag';

type Entry = TaskHistory['entries'][number];

function History({ taskId }: { taskId: number }) {
  const history = useTaskHistory(taskId);
  const h = history.data;
  return (
    <Card
      title="Lịch sử báo cáo"
      style={{ marginTop: 16 }}
      extra={
        h && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">Trạng thái năm {h.year}:</Typography.Text>
            <TaskStatusTag status={h.current} />
          </Flex>
        )
      }
    >
      {history.isError && <QueryErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      <Table<Entry>
        rowKey={(e) => `${e.reportId}`}
        size="small"
        loading={history.isPending}
        dataSource={h?.entries ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        // Every field the agency answered, from the field table, so a field added there shows here too.
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1} bordered items={fieldViewItems(ENTRY_FIELDS, e)} />
          ),
        }}
        locale={{ emptyText: 'Chưa có cơ quan nào báo cáo về nhiệm vụ này.' }}
        columns={[
          {
            title: 'Kỳ báo cáo',
            key: 'period',
            width: 200,
            render: (_, e) => (
              <Flex vertical>
                <Link to={`/bao-cao/${e.reportId}`}>{e.period.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Hạn nộp {formatDate(e.period.dueOn)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: 'Cơ quan',
            key: 'agency',
            width: 180,
            render: (_, e) => (
              <Flex vertical gap={2} align="flex-start">
                <span>{e.organisation.name}</span>
                <Tag color={e.role === 'lead' ? 'blue' : 'default'}>{ENTRY_ROLE_LABELS[e.role]}</Tag>
              </Flex>
            ),
          },
          {
            title: 'Tình hình',
            key: 'status',
            width: 200,
            render: (_, e) => (
              <Flex vertical gap={4} align="flex-start">
                <TaskStatusTag status={e.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.progress ? ENTRY_PROGRESS_LABELS[e.progress] : 'Chưa chọn'}
                  {e.completedOn ? `, xong ngày ${formatDate(e.completedOn)}` : ''}
                </Typography.Text>
                <ReportStateTag state={e.reportState} />
              </Flex>
            ),
          },
          {
            title: ENTRY_FIELD_LABELS.result,
            dataIndex: 'result',
            render: (v: string | null) => <RichTextView value={v} />,
          },
          {
            title: 'Sản phẩm',
            key: 'product',
            width: 220,
            render: (_, e) => (
              <Flex vertical gap={2}>
                {[e.productNumber, e.productDate ? `ngày ${formatDate(e.productDate)}` : null]
                  .filter(Boolean)
                  .join(' ') || null}
                {e.productSummary && <Typography.Text type="secondary">{e.productSummary}</Typography.Text>}
                {e.files.map((a) => (
                  <div key={a.id}>
                    <AttachmentLink attachment={a} />
                  </div>
                ))}
                {!e.productNumber && !e.productSummary && e.files.length === 0 && (
                  <Typography.Text type="secondary">Không có</Typography.Text>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The task's answers across periods; shown only to those who may read reports. */
export function TaskReportHistory({ taskId }: { taskId: number }) {
  const canRead = useCan('reports.read');
  return canRead ? <History taskId={taskId} /> : null;
}
