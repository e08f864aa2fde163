import { FileTextOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Result,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  type AmendmentChange,
  type AmendmentView,
  applyAmendmentRequestSchema,
  type ProposedChange,
} from '../../../../../shared/contracts/plan-amendments';
import type { RevisionTaskFields } from '../../../../../shared/contracts/plan-revisions';
import { planPath } from '../../../../../shared/domain/app-links';
import { errorMessageOf } from '../../../api/ApiError';
import { planFileUrl, useAmendment, useApplyAmendment } from '../../../api/amendments';
import { usePlanRevisions } from '../../../api/revisions';
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { showFieldErrors, zodRule } from '../../../lib/forms';
import { idParam } from '../../../lib/routeParams';
import { NotFoundPage } from '../../errors/NotFoundPage';
import { ChangeEditModal } from './ChangeEditModal';

const FIELDS: { key: keyof RevisionTaskFields; label: string }[] = [
  { key: 'ordinal', label: 'Số thứ tự' },
  { key: 'group', label: 'Nhóm nhiệm vụ' },
  { key: 'content', label: 'Nội dung' },
  { key: 'leads', label: 'Cơ quan chủ trì' },
  { key: 'coordinators', label: 'Cơ quan phối hợp' },
  { key: 'product', label: 'Sản phẩm' },
  { key: 'deadlineText', label: 'Thời hạn hoàn thành' },
];

const show = (f: RevisionTaskFields, key: keyof RevisionTaskFields): string => {
  const v = f[key];
  if (Array.isArray(v)) return v.map((a) => a.text).join('; ');
  return v ?? '';
};

function titleOf(c: ProposedChange, change: AmendmentChange): string {
  if (change.kind === 'task_add')
    return `Thêm nhiệm vụ ${change.task.ordinal}${change.task.group ? ` vào ${change.task.group}` : ''}`;
  if (change.kind === 'task_remove')
    return `Bãi bỏ ${c.reference ?? 'nhiệm vụ'} từ ngày ${formatDate(change.effectiveOn)}`;
  return `Điều chỉnh ${c.reference ?? `nhiệm vụ ${change.task.ordinal}`}`;
}

/** One field's row: the plan as it is | as the document makes it, a changed value marked. */
function Side({
  fields,
  other,
  changed,
}: {
  fields: RevisionTaskFields | null;
  other: RevisionTaskFields | null;
  changed: 'before' | 'after';
}) {
  if (!fields) return <Typography.Text type="secondary">(chưa có trong kế hoạch)</Typography.Text>;
  return (
    <dl className="amendment-fields" style={{ margin: 0 }}>
      {FIELDS.map(({ key, label }) => {
        const value = show(fields, key);
        const differs = other !== null && value !== show(other, key);
        if (value === '' && !differs) return null;
        return (
          <div key={key} style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary">{label}: </Typography.Text>
            {differs ? (
              <Typography.Text
                mark={changed === 'after'}
                delete={changed === 'before'}
                data-testid={`changed-${key}`}
              >
                {value || '(trống)'}
              </Typography.Text>
            ) : (
              <Typography.Text>{value}</Typography.Text>
            )}
          </div>
        );
      })}
    </dl>
  );
}

interface FormValues {
  reason: string;
  documentNumber: string;
  documentDate: dayjs.Dayjs | null;
}

function Review({ planId, a }: { planId: number; a: AmendmentView }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const apply = useApplyAmendment(planId, a.id);
  // Only those who may change the plan see a draft; canEdit false then means the plan was ended.
  const ended = usePlanRevisions(planId).data?.canEdit === false;
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(a.changes.map((c) => c.key)));
  const [edited, setEdited] = useState<Record<string, AmendmentChange>>({});
  const [editing, setEditing] = useState<ProposedChange | null>(null);
  const changeOf = (c: ProposedChange) => edited[c.key] ?? c.change;
  const count = useMemo(() => a.changes.filter((c) => ticked.has(c.key)).length, [a.changes, ticked]);

  const submit = (v: FormValues) => {
    apply.mutate(
      {
        reason: v.reason.trim(),
        document: { number: v.documentNumber.trim(), date: toIsoDate(v.documentDate) ?? '' },
        changes: a.changes.filter((c) => ticked.has(c.key)).map(changeOf),
      },
      {
        onSuccess: (s) => {
          message.success(`${s.title}.`);
          navigate(`${planPath(planId)}?tab=lich-su`);
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title="Văn bản bổ sung, điều chỉnh kế hoạch"
        extra={
          <Link to={planPath(planId)}>
            <Button>Về kế hoạch</Button>
          </Link>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Số, ký hiệu">
            {a.document.number ?? <Tag color="orange">Không đọc được</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">
            {a.document.date ? formatDate(a.document.date) : <Tag color="orange">Không đọc được</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Trích yếu" span={2}>
            {a.document.title ?? ''}
          </Descriptions.Item>
          {a.document.file && (
            <Descriptions.Item label="Tệp văn bản" span={2}>
              <a href={planFileUrl(planId, a.document.file.id)} download>
                <FileTextOutlined /> {a.document.file.filename}
              </a>
            </Descriptions.Item>
          )}
        </Descriptions>
        {a.status !== 'draft' && (
          <Alert
            type="info"
            showIcon
            message="Văn bản này đã được áp dụng; xem trong lịch sử thay đổi của kế hoạch."
            style={{ marginTop: 12 }}
          />
        )}
        {a.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message={`${a.warnings.length} nội dung cần kiểm tra`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="amendment-warnings">
                {a.warnings.map((w) => (
                  <li key={w.message}>{w.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>

      <Card title={`Các thay đổi đọc được (${a.changes.length}) — đã chọn ${count}`}>
        {a.changes.length === 0 && (
          <Typography.Text type="secondary">Không có thay đổi nào để áp dụng.</Typography.Text>
        )}
        <Flex vertical gap={12}>
          {a.changes.map((c) => {
            const change = changeOf(c);
            const after = change.kind === 'task_remove' ? null : change.task;
            return (
              <Card
                key={c.key}
                size="small"
                data-testid="proposed-change"
                type="inner"
                title={
                  <Checkbox
                    checked={ticked.has(c.key)}
                    disabled={a.status !== 'draft'}
                    onChange={(e) => {
                      const next = new Set(ticked);
                      if (e.target.checked) next.add(c.key);
                      else next.delete(c.key);
                      setTicked(next);
                    }}
                  >
                    <Typography.Text strong>{titleOf(c, change)}</Typography.Text>
                    {edited[c.key] && (
                      <Tag color="blue" style={{ marginInlineStart: 8 }}>
                        Đã sửa
                      </Tag>
                    )}
                  </Checkbox>
                }
                extra={
                  change.kind !== 'task_remove' &&
                  a.status === 'draft' && (
                    <Button size="small" onClick={() => setEditing(c)}>
                      Sửa
                    </Button>
                  )
                }
              >
                <Flex gap={16} wrap="wrap">
                  <div style={{ flex: '1 1 320px', minWidth: 0 }}>
                    <Typography.Title level={5} style={{ marginTop: 0 }}>
                      Kế hoạch hiện hành
                    </Typography.Title>
                    <Side fields={c.current} other={after} changed="before" />
                  </div>
                  <div style={{ flex: '1 1 320px', minWidth: 0 }}>
                    <Typography.Title level={5} style={{ marginTop: 0 }}>
                      Sau khi điều chỉnh
                    </Typography.Title>
                    {after ? (
                      <Side fields={after} other={c.current} changed="after" />
                    ) : (
                      <Typography.Text type="danger">
                        Nhiệm vụ hết hiệu lực từ ngày{' '}
                        {change.kind === 'task_remove' ? formatDate(change.effectiveOn) : ''}
                      </Typography.Text>
                    )}
                  </div>
                </Flex>
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: '8px 0 0', fontSize: 13 }}
                  ellipsis={{ rows: 2, expandable: true, symbol: 'thêm' }}
                >
                  Trong văn bản: {c.source}
                </Typography.Paragraph>
              </Card>
            );
          })}
        </Flex>
      </Card>

      {a.status === 'draft' && ended && (
        <Alert
          type="warning"
          showIcon
          message="Kế hoạch đã bị bãi bỏ hoặc thay thế: văn bản điều chỉnh này không áp dụng được nữa."
        />
      )}
      {a.status === 'draft' && !ended && (
        <Card title="Áp dụng thành một lần sửa kế hoạch">
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              reason: '',
              documentNumber: a.document.number ?? '',
              documentDate: fromIsoDate(a.document.date),
            }}
          >
            <Form.Item
              name="reason"
              label="Lý do thay đổi"
              required
              rules={[zodRule(applyAmendmentRequestSchema.shape.reason)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                placeholder="Ví dụ: Thực hiện Kế hoạch bổ sung, điều chỉnh của UBND tỉnh"
              />
            </Form.Item>
            <Flex gap={12} wrap="wrap">
              <Form.Item
                name="documentNumber"
                label="Văn bản điều chỉnh, bổ sung (số, ký hiệu)"
                required
                rules={[zodRule(applyAmendmentRequestSchema.shape.document.shape.number)]}
                style={{ flex: '1 1 240px' }}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="documentDate"
                label="Ngày văn bản"
                required
                rules={[{ required: true, message: 'Hãy chọn ngày của văn bản điều chỉnh' }]}
                style={{ width: 200 }}
              >
                <DatePicker format={DATE_FORMAT} placeholder="Chọn ngày" style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" loading={apply.isPending} disabled={count === 0}>
              Áp dụng {count} thay đổi
            </Button>
          </Form>
        </Card>
      )}
      {editing && (
        <ChangeEditModal
          planId={planId}
          groups={a.groups}
          fields={(() => {
            const ch = changeOf(editing);
            return ch.kind === 'task_remove' ? null : ch.task;
          })()}
          onClose={() => setEditing(null)}
          onSave={(task) => {
            const ch = changeOf(editing);
            if (ch.kind !== 'task_remove') setEdited({ ...edited, [editing.key]: { ...ch, task } });
            setEditing(null);
          }}
        />
      )}
    </Flex>
  );
}

/** The review of an amending document: each proposed change beside the plan as it is, then apply. */
export function AmendmentReviewPage() {
  const params = useParams();
  const planId = idParam(params.planId);
  const amendmentId = idParam(params.amendmentId);
  if (planId === null || amendmentId === null) return <NotFoundPage />;
  return <Loaded planId={planId} amendmentId={amendmentId} />;
}

function Loaded({ planId, amendmentId }: { planId: number; amendmentId: number }) {
  const a = useAmendment(planId, amendmentId);
  if (a.isPending) return <Spin />;
  if (a.isError) return <Result status="warning" title={errorMessageOf(a.error)} />;
  return <Review planId={planId} a={a.data} />;
}
