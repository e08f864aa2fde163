import { Card, Form, Row } from 'antd';
import { REPORT_FIELDS } from '../../../../shared/contracts/report-fields';
import { inFormOrder, kebab, ReportFieldInput } from './ReportFieldInput';
import type { ReportDraft } from './reportDraft';

type Overall = Omit<ReportDraft, 'entries'>;

interface Props {
  value: Overall;
  onChange: (change: Partial<Overall>) => void;
}

const FIELDS = inFormOrder(REPORT_FIELDS);

/** The report as a whole (summary, common difficulties and proposals, the covering dispatch…): every field of the table. */
export function ReportOverallEditor({ value, onChange }: Props) {
  return (
    <Card title="Đánh giá chung" size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <ReportFieldInput
              key={f.key}
              field={f}
              id={`report-${kebab(f.key)}`}
              value={value[f.key]}
              onChange={(v) => onChange({ [f.key]: v } as Partial<Overall>)}
            />
          ))}
        </Row>
      </Form>
    </Card>
  );
}
