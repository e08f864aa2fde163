import { Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { RichTextArea } from './RichTextArea';
import type { ReportDraft } from './reportDraft';

type Overall = Omit<ReportDraft, 'entries'>;

interface Props {
  value: Overall;
  onChange: (change: Partial<Overall>) => void;
}

/** The report as a whole: summary, common difficulties and proposals, and the covering dispatch. */
export function ReportOverallEditor({ value, onChange }: Props) {
  return (
    <Card title="Đánh giá chung" size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Form.Item label="Tóm tắt kết quả" htmlFor="report-summary">
          <RichTextArea
            id="report-summary"
            value={value.summary}
            onChange={(summary) => onChange({ summary })}
            placeholder="Kết quả nổi bật của cơ quan trong kỳ báo cáo"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Khó khăn, vướng mắc chung" htmlFor="report-difficulties">
              <Input.TextArea
                id="report-difficulties"
                value={value.difficulties}
                autoSize={{ minRows: 3, maxRows: 12 }}
                onChange={(e) => onChange({ difficulties: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Kiến nghị, đề xuất chung" htmlFor="report-proposals">
              <Input.TextArea
                id="report-proposals"
                value={value.proposals}
                autoSize={{ minRows: 3, maxRows: 12 }}
                onChange={(e) => onChange({ proposals: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Số công văn gửi kèm" htmlFor="report-dispatch-number">
              <Input
                id="report-dispatch-number"
                value={value.dispatchNumber}
                maxLength={100}
                placeholder="Ví dụ: 456/STC-KHĐT"
                onChange={(e) => onChange({ dispatchNumber: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Ngày công văn" htmlFor="report-dispatch-date">
              <DatePicker
                id="report-dispatch-date"
                format={DATE_FORMAT}
                placeholder="Chọn ngày"
                value={fromIsoDate(value.dispatchDate)}
                onChange={(d) => onChange({ dispatchDate: toIsoDate(d) })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
