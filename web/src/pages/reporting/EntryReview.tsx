import { Alert, App, Button, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  ENTRY_REVIEW_LABELS,
  type ReportDetail,
  type ReportEntry,
} from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useEntryAction } from '../../api/reporting';
import { formatDateTime } from '../../lib/dates';
import { ReportEntryEditor } from './ReportEntryEditor';
import { entryChanges, entryDraftOf } from './reportDraft';

const REVIEW_COLORS = { pending: 'default', accepted: 'green', returned: 'red' } as const;

/** The entry's own review state (per-task confirmation), shown once the report has been sent. */
export function EntryReviewTag({ entry }: { entry: ReportEntry }) {
  return (
    <Tag color={REVIEW_COLORS[entry.review.state]} data-testid="entry-review-state">
      {ENTRY_REVIEW_LABELS[entry.review.state]}
    </Tag>
  );
}

/** Why the coordinator returned this task, above it. */
function ReturnedNote({ entry }: { entry: ReportEntry }) {
  if (entry.review.state !== 'returned' || !entry.review.comment) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={`Nhiệm vụ ${entry.task.ordinal} bị trả lại${entry.review.at ? ` lúc ${formatDateTime(entry.review.at)}` : ''}`}
      description={`Nhận xét: ${entry.review.comment}`}
    />
  );
}

/** The coordinator's "Chấp nhận" / "Trả lại" for one task of a sent report. */
function ReviewButtons({ report, entry }: { report: ReportDetail; entry: ReportEntry }) {
  const { message } = App.useApp();
  const action = useEntryAction();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const send = (body: { decision: 'accept' } | { decision: 'return'; comment: string }) =>
    action.mutate(
      { kind: 'review', reportId: report.id, entryId: entry.id, body: { version: report.version, ...body } },
      {
        onSuccess: (r) => {
          setReturning(false);
          message.success(
            body.decision === 'accept'
              ? r.state === 'accepted'
                ? 'Đã chấp nhận; mọi nhiệm vụ đã được chấp nhận nên báo cáo đã được tiếp nhận.'
                : `Đã chấp nhận nhiệm vụ ${entry.task.ordinal}.`
              : `Đã trả lại nhiệm vụ ${entry.task.ordinal}; cơ quan được thông báo.`,
          );
        },
        onError: (e) => message.error(errorMessageOf(e)),
      },
    );
  return (
    <>
      <Button
        size="small"
        type="primary"
        ghost
        loading={action.isPending}
        // Named with the task: the report's own "Chấp nhận" is on the same page.
        aria-label={`Chấp nhận nhiệm vụ ${entry.task.ordinal}`}
        onClick={() => send({ decision: 'accept' })}
      >
        Chấp nhận
      </Button>
      <Button
        size="small"
        danger
        aria-label={`Trả lại nhiệm vụ ${entry.task.ordinal}`}
        onClick={() => setReturning(true)}
      >
        Trả lại
      </Button>
      {returning && (
        <Modal
          open
          title={`Trả lại nhiệm vụ ${entry.task.ordinal}`}
          okText="Trả lại nhiệm vụ"
          okButtonProps={{ danger: true }}
          cancelText="Hủy"
          confirmLoading={action.isPending}
          onCancel={() => setReturning(false)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">
            Chỉ nhiệm vụ này trở lại cơ quan để sửa và gửi lại; các nhiệm vụ khác của báo cáo giữ nguyên.
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => send({ decision: 'return', comment: v.comment })}
          >
            <Form.Item
              name="comment"
              label="Nhận xét, điều cần sửa"
              rules={[
                {
                  required: true,
                  min: 5,
                  whitespace: true,
                  message: 'Hãy ghi rõ điều cần sửa (ít nhất 5 ký tự).',
                },
              ]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

/** The review line of one entry: its state, and the coordinator's actions while it waits. */
export function EntryReviewBar({ report, entry }: { report: ReportDetail; entry: ReportEntry }) {
  if (report.state === 'draft') return null;
  return (
    <Flex gap={8} align="center" wrap="wrap" style={{ marginBottom: 8 }} className="no-print">
      <Typography.Text type="secondary">Xác nhận kết quả:</Typography.Text>
      <EntryReviewTag entry={entry} />
      {report.can.reviewEntries && entry.review.state === 'pending' && (
        <ReviewButtons report={report} entry={entry} />
      )}
    </Flex>
  );
}

/** A returned task, corrected by its agency and sent again on its own. */
export function ReturnedEntryEditor({ report, entry }: { report: ReportDetail; entry: ReportEntry }) {
  const { message } = App.useApp();
  const action = useEntryAction();
  const [base] = useState(() => entryDraftOf(entry));
  const [value, setValue] = useState(base);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = () => {
    const { id: _id, ...changes } = entryChanges(entry.id, base, value) ?? { id: entry.id };
    action.mutate(
      {
        kind: 'resubmit',
        reportId: report.id,
        entryId: entry.id,
        body: { version: report.version, entry: changes },
      },
      {
        onSuccess: () => message.success(`Đã gửi lại nhiệm vụ ${entry.task.ordinal}.`),
        onError: (e) => {
          const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
          setErrors(Object.fromEntries(fields.map((f) => [f.path.replace(/^entry\./, ''), f.message])));
          message.error(errorMessageOf(e));
        },
      },
    );
  };
  return (
    <div data-testid="returned-entry">
      <ReturnedNote entry={entry} />
      <ReportEntryEditor
        reportId={report.id}
        entry={entry}
        value={value}
        onChange={(change) => setValue((v) => ({ ...v, ...change }))}
        errors={errors}
      />
      <Flex justify="end" style={{ marginTop: -8, marginBottom: 16 }}>
        <Button type="primary" loading={action.isPending} onClick={send}>
          Gửi lại nhiệm vụ {entry.task.ordinal}
        </Button>
      </Flex>
    </div>
  );
}

export { ReturnedNote };
