import { FileTextOutlined, UndoOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { revertAmendmentRequestSchema } from '../../../../../shared/contracts/plan-amendments';
import type {
  AmendmentSummary,
  RevisionList,
  RevisionView,
} from '../../../../../shared/contracts/plan-revisions';
import { errorMessageOf } from '../../../api/ApiError';
import { planFileUrl, useRevertAmendment } from '../../../api/amendments';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { zodRule } from '../../../lib/forms';

const ACTION_COLORS = { add: 'green', update: 'blue', remove: 'red' } as const;

/** One revision: what changed, when and by whom, why, the amending document, each field before → after. */
function RevisionItem({
  r,
  planId,
  inAmendment = false,
}: {
  r: RevisionView;
  planId: number;
  inAmendment?: boolean;
}) {
  return (
    <Flex vertical gap={4} data-testid="revision">
      <Flex gap={8} wrap="wrap" align="baseline">
        <Typography.Text strong>{r.title}</Typography.Text>
        <Typography.Text type="secondary">
          {formatDateTime(r.at)}
          {r.by ? ` · ${r.by}` : ''}
        </Typography.Text>
      </Flex>
      {!inAmendment && (
        <Typography.Text>
          <Typography.Text type="secondary">Lý do: </Typography.Text>
          {r.reason}
        </Typography.Text>
      )}
      {r.document && !inAmendment && (
        <Typography.Text>
          <Typography.Text type="secondary">Văn bản điều chỉnh: </Typography.Text>
          {r.document.number}
          {r.document.date ? ` ngày ${formatDate(r.document.date)}` : ''}
          {r.document.file && (
            <>
              {' · '}
              <a href={planFileUrl(planId, r.document.file.id)} download>
                <FileTextOutlined /> {r.document.file.filename}
              </a>
            </>
          )}
        </Typography.Text>
      )}
      {r.changes.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {r.changes.map((c) => (
            <li key={c.field}>
              <Typography.Text type="secondary">{c.label}: </Typography.Text>
              {r.action === 'add' ? (
                <span>{c.after ?? '(trống)'}</span>
              ) : (
                <>
                  <Typography.Text delete={r.action !== 'remove'}>{c.before ?? '(trống)'}</Typography.Text>
                  {' → '}
                  <Typography.Text strong>{c.after ?? '(trống)'}</Typography.Text>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

/** An amending document applied as one revision (or its revert): one entry, expandable to its changes. */
function AmendmentItem({
  a,
  rows,
  planId,
  canEdit,
}: {
  a: AmendmentSummary;
  rows: RevisionView[];
  planId: number;
  canEdit: boolean;
}) {
  const [reverting, setReverting] = useState(false);
  return (
    <Flex vertical gap={4} data-testid="amendment">
      <Flex gap={8} wrap="wrap" align="baseline">
        <Typography.Text strong>{a.title}</Typography.Text>
        <Typography.Text type="secondary">
          {formatDateTime(a.at)}
          {a.by ? ` · ${a.by}` : ''}
        </Typography.Text>
        {a.status === 'reverted' && <Tag color="default">Đã hoàn tác</Tag>}
      </Flex>
      {a.reason && (
        <Typography.Text>
          <Typography.Text type="secondary">Lý do: </Typography.Text>
          {a.reason}
        </Typography.Text>
      )}
      {a.document.title && <Typography.Text type="secondary">{a.document.title}</Typography.Text>}
      {a.document.file && (
        <Typography.Text>
          <Typography.Text type="secondary">Tệp văn bản: </Typography.Text>
          <a href={planFileUrl(planId, a.document.file.id)} download data-testid="amendment-file">
            <FileTextOutlined /> {a.document.file.filename}
          </a>
        </Typography.Text>
      )}
      <Collapse
        size="small"
        items={[
          {
            key: 'changes',
            label: `Xem ${rows.length} thay đổi`,
            children: (
              <Flex vertical gap={12}>
                {rows.map((r) => (
                  <RevisionItem key={r.id} r={r} planId={planId} inAmendment />
                ))}
              </Flex>
            ),
          },
        ]}
      />
      {canEdit && a.kind === 'amendment' && a.status === 'applied' && (
        <div>
          <Button size="small" icon={<UndoOutlined />} onClick={() => setReverting(true)}>
            Hoàn tác văn bản này
          </Button>
        </div>
      )}
      {reverting && <RevertModal planId={planId} a={a} onClose={() => setReverting(false)} />}
    </Flex>
  );
}

function RevertModal({ planId, a, onClose }: { planId: number; a: AmendmentSummary; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const revert = useRevertAmendment(planId);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`Hoàn tác văn bản ${a.document.number ?? 'điều chỉnh'}`}
      okText="Hoàn tác"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={revert.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Mọi thay đổi của văn bản được trả lại như trước khi áp dụng: nhiệm vụ đã thêm bị xóa (hoặc bãi bỏ nếu
        đã có báo cáo), các nội dung đã sửa trở lại như cũ.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          revert.mutate(
            { amendmentId: a.id, body: { reason: v.reason.trim() } },
            {
              onSuccess: (r) => {
                message.success(`${r.title}.`);
                onClose();
              },
              onError: (error) => message.error(errorMessageOf(error)),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label="Lý do hoàn tác"
          required
          rules={[zodRule(revertAmendmentRequestSchema.shape.reason)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Entry =
  | { kind: 'revision'; r: RevisionView }
  | { kind: 'amendment'; a: AmendmentSummary; rows: RevisionView[] };

/** Newest first; an amendment's changes are one entry where its newest change stands. */
function entriesOf(data: RevisionList): Entry[] {
  const byId = new Map(data.amendments.map((a) => [a.id, a]));
  const groups = new Map<number, Entry & { kind: 'amendment' }>();
  const out: Entry[] = [];
  for (const r of data.items) {
    const a = r.amendmentId === null ? undefined : byId.get(r.amendmentId);
    if (!a) {
      out.push({ kind: 'revision', r });
      continue;
    }
    const group = groups.get(a.id);
    if (group) group.rows.push(r);
    else {
      const entry = { kind: 'amendment' as const, a, rows: [r] };
      groups.set(a.id, entry);
      out.push(entry);
    }
  }
  return out;
}

/**
 * "Lịch sử thay đổi": the revisions of a plan or a task, newest first, an amending document's changes as
 * one entry; in a card of its own, or bare (`bare`) inside a tab that already names it.
 */
export function RevisionHistory({
  planId,
  data,
  loading,
  bare = false,
}: {
  planId: number;
  data: RevisionList | undefined;
  loading: boolean;
  bare?: boolean;
}) {
  const entries = data ? entriesOf(data) : [];
  const body =
    data && entries.length === 0 ? (
      <Empty description="Chưa có thay đổi nào kể từ khi kế hoạch được ban hành." />
    ) : (
      <Timeline
        items={entries.map((e) =>
          e.kind === 'revision'
            ? {
                key: `r${e.r.id}`,
                color: ACTION_COLORS[e.r.action],
                children: <RevisionItem r={e.r} planId={planId} />,
              }
            : {
                key: `a${e.a.id}`,
                color: e.a.kind === 'revert' ? 'gray' : 'purple',
                children: (
                  <AmendmentItem a={e.a} rows={e.rows} planId={planId} canEdit={data?.canEdit ?? false} />
                ),
              },
        )}
      />
    );
  if (bare) return <div data-testid="revision-history">{loading ? <Spin /> : body}</div>;
  return (
    <Card title="Lịch sử thay đổi" loading={loading} style={{ marginTop: 16 }} data-testid="revision-history">
      {body}
    </Card>
  );
}

export function RemovedTag({ on }: { on: string }) {
  return <Tag color="red">Đã bãi bỏ từ ngày {formatDate(on)}</Tag>;
}
