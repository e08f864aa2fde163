import { Card, Descriptions } from 'antd';
import { REPORT_FIELDS } from '../../../../shared/contracts/report-fields';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { fieldViewItems } from './ReportFieldView';

export function ReportOverallView({ report }: { report: ReportDetail }) {
  return (
    <Card title="Đánh giá chung" size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 190 } }}
        items={fieldViewItems(REPORT_FIELDS, report)}
      />
    </Card>
  );
}
