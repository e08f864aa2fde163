import { Card, Descriptions } from 'antd';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { formatDate } from '../../lib/dates';
import { RichTextView } from './RichTextView';

export function ReportOverallView({ report }: { report: ReportDetail }) {
  const dispatch = [
    report.dispatchNumber,
    report.dispatchDate ? `ngày ${formatDate(report.dispatchDate)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Card title="Đánh giá chung" size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 190 } }}
        items={[
          { key: 'summary', label: 'Tóm tắt kết quả', children: <RichTextView value={report.summary} /> },
          {
            key: 'difficulties',
            label: 'Khó khăn, vướng mắc chung',
            children: <RichTextView value={report.difficulties} empty="Không có" />,
          },
          {
            key: 'proposals',
            label: 'Kiến nghị, đề xuất chung',
            children: <RichTextView value={report.proposals} empty="Không có" />,
          },
          { key: 'dispatch', label: 'Công văn gửi kèm', children: dispatch || 'Không có' },
        ]}
      />
    </Card>
  );
}
