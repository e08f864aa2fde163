import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type {
  Reorganisation,
  ReorganisationDetail,
  ReorganisationMove,
} from '../../../../shared/contracts/reorganisations';
import {
  MOVE_SUBJECT_LABELS,
  MOVE_SUBJECTS,
  REORGANISATION_KIND_LABELS,
  REORGANISATION_STATE_LABELS,
} from '../../../../shared/domain/organisations/reorganisation';
import { errorMessageOf } from '../../api/ApiError';
import {
  useApplyReorganisation,
  useDiscardReorganisation,
  usePreviewReorganisation,
  useReorganisation,
  useReorganisations,
  useUndoReorganisation,
} from '../../api/reorganisations';
import { formatDate, formatDateTime } from '../../lib/dates';
import { usePageTitle } from '../../lib/usePageTitle';
import { ReorganisationFormModal } from './ReorganisationFormModal';

const STATE_COLORS = { previewed: 'processing', applied: 'success', undone: 'default' } as const;

/** "Sắp xếp tổ chức": record a merger, split, rename…, preview what moves, apply, undo. */
export function ReorganisationsPage() {
  usePageTitle('Sắp xếp tổ chức');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useReorganisations();

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Sắp xếp tổ chức
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        Mỗi lần hợp nhất, chia tách, đổi tên, giải thể cơ quan, hợp nhất tỉnh hay bỏ cấp huyện được ghi là một
        phương án có ngày hiệu lực và văn bản căn cứ. Xem trước mọi nhiệm vụ, báo cáo đang mở, chỉ số, người
        dùng sẽ chuyển sang cơ quan tiếp nhận; báo cáo đã gửi giữ nguyên ở cơ quan đã lập. Phương án đã áp
        dụng có thể hoàn tác, trả lại đúng từng dòng dữ liệu.
      </Typography.Paragraph>
      <Card
        title="Các phương án"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            Lập phương án
          </Button>
        }
      >
        <Table<Reorganisation>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có phương án sắp xếp nào.' }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.id === openId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: 'Nội dung',
              render: (_, r) => (
                <Button
                  type="link"
                  style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => setOpenId(r.id)}
                >
                  {r.title}
                </Button>
              ),
            },
            { title: 'Hình thức', render: (_, r) => REORGANISATION_KIND_LABELS[r.kind] },
            { title: 'Hiệu lực từ', render: (_, r) => formatDate(r.effectiveOn) },
            { title: 'Căn cứ', render: (_, r) => r.basisNumber },
            {
              title: 'Trạng thái',
              render: (_, r) => (
                <Tag color={STATE_COLORS[r.state]}>{REORGANISATION_STATE_LABELS[r.state]}</Tag>
              ),
            },
            {
              title: 'Người thực hiện',
              render: (_, r) =>
                r.state === 'undone'
                  ? `Hoàn tác: ${r.undoneBy ?? '—'}, ${r.undoneAt ? formatDateTime(r.undoneAt) : ''}`
                  : r.state === 'applied'
                    ? `Áp dụng: ${r.appliedBy ?? '—'}, ${r.appliedAt ? formatDateTime(r.appliedAt) : ''}`
                    : `Lập: ${r.createdBy ?? '—'}, ${formatDateTime(r.createdAt)}`,
            },
          ]}
        />
      </Card>
      {openId !== null && <EventPanel key={openId} id={openId} onGone={() => setOpenId(null)} />}
      {creating && (
        <ReorganisationFormModal
          onClose={() => setCreating(false)}
          onCreated={(d) => {
            setCreating(false);
            setOpenId(d.event.id);
          }}
        />
      )}
    </>
  );
}

function EventPanel({ id, onGone }: { id: number; onGone: () => void }) {
  const { message, modal } = App.useApp();
  const detail = useReorganisation(id);
  const preview = usePreviewReorganisation();
  const apply = useApplyReorganisation();
  const undo = useUndoReorganisation();
  const discard = useDiscardReorganisation();
  const [choices, setChoices] = useState<Record<string, number>>({});
  const [shown, setShown] = useState<ReorganisationDetail | null>(null);
  useEffect(() => {
    if (detail.data) {
      setShown(detail.data);
      setChoices(detail.data.event.spec.taskChoices);
    }
  }, [detail.data]);

  if (detail.error)
    return <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessageOf(detail.error)} />;
  if (!shown) return <Card style={{ marginTop: 16 }} loading />;
  const { event, moves } = shown;

  const choose = (taskAgencyId: number, index: number) => {
    const next = { ...choices, [String(taskAgencyId)]: index };
    setChoices(next);
    preview.mutate(
      { id, taskChoices: next },
      { onSuccess: setShown, onError: (e) => message.error(errorMessageOf(e)) },
    );
  };
  const confirmApply = () =>
    modal.confirm({
      title: 'Áp dụng phương án sắp xếp?',
      content: `${moves.filter((m) => m.op !== 'note').length} thay đổi sẽ được ghi lại trong một lần, có hiệu lực từ ${formatDate(event.effectiveOn)}. Có thể hoàn tác sau nếu chưa có thay đổi nào dựa trên chúng.`,
      okText: 'Áp dụng',
      cancelText: 'Hủy',
      onOk: () =>
        apply.mutateAsync({ id, taskChoices: choices }).then(
          (d) => {
            setShown(d);
            message.success('Đã áp dụng phương án sắp xếp.');
          },
          (e: unknown) => {
            message.error(errorMessageOf(e));
          },
        ),
    });

  return (
    <Card
      style={{ marginTop: 16 }}
      title={event.title}
      extra={
        <Space wrap>
          {event.state === 'previewed' && (
            <>
              <Popconfirm
                title="Hủy phương án chưa áp dụng này?"
                okText="Hủy phương án"
                cancelText="Không"
                onConfirm={() =>
                  discard.mutate(id, { onSuccess: onGone, onError: (e) => message.error(errorMessageOf(e)) })
                }
              >
                <Button>Hủy phương án</Button>
              </Popconfirm>
              <Button type="primary" loading={apply.isPending} onClick={confirmApply}>
                Áp dụng
              </Button>
            </>
          )}
          {event.state === 'applied' && (
            <Popconfirm
              title="Hoàn tác phương án này?"
              description="Mọi dòng dữ liệu đã chuyển được trả lại như trước khi áp dụng."
              okText="Hoàn tác"
              cancelText="Không"
              onConfirm={() =>
                undo.mutate(id, {
                  onSuccess: (d) => {
                    setShown(d);
                    message.success('Đã hoàn tác phương án sắp xếp.');
                  },
                  onError: (e) => message.error(errorMessageOf(e), 8),
                })
              }
            >
              <Button danger loading={undo.isPending}>
                Hoàn tác
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Hình thức">{REORGANISATION_KIND_LABELS[event.kind]}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <Tag color={STATE_COLORS[event.state]}>{REORGANISATION_STATE_LABELS[event.state]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Hiệu lực từ">{formatDate(event.effectiveOn)}</Descriptions.Item>
        <Descriptions.Item label="Căn cứ">
          {event.basisNumber}
          {event.basisDate ? ` ngày ${formatDate(event.basisDate)}` : ''}
          {event.basisText ? ` — ${event.basisText}` : ''}
        </Descriptions.Item>
        {event.sourceNames.length > 0 && (
          <Descriptions.Item label="Cơ quan được sắp xếp">{event.sourceNames.join('; ')}</Descriptions.Item>
        )}
        {event.successorNames.length > 0 && (
          <Descriptions.Item label="Cơ quan tiếp nhận">{event.successorNames.join('; ')}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={4}>
        {event.state === 'previewed' ? 'Xem trước: những gì sẽ chuyển' : 'Những thay đổi đã ghi lại'}
      </Typography.Title>
      <MoveGroups
        moves={moves}
        successors={event.successorNames}
        onChoose={event.state === 'previewed' ? choose : null}
      />
    </Card>
  );
}

function MoveGroups({
  moves,
  successors,
  onChoose,
}: {
  moves: ReorganisationMove[];
  successors: string[];
  onChoose: ((taskAgencyId: number, index: number) => void) | null;
}) {
  const groups = useMemo(
    () =>
      MOVE_SUBJECTS.map((subject) => ({ subject, items: moves.filter((m) => m.subject === subject) })).filter(
        (g) => g.items.length > 0,
      ),
    [moves],
  );
  if (groups.length === 0) return <Typography.Text type="secondary">Không có gì để chuyển.</Typography.Text>;
  return (
    <Collapse
      defaultActiveKey={groups.map((g) => g.subject)}
      items={groups.map((g) => ({
        key: g.subject,
        label: `${MOVE_SUBJECT_LABELS[g.subject]} (${g.items.length})`,
        children: (
          <Table<ReorganisationMove & { key: number }>
            size="small"
            pagination={g.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            dataSource={g.items.map((m, key) => ({ ...m, key }))}
            columns={[
              { title: 'Nội dung', dataIndex: 'label' },
              {
                title: 'Chuyển đến',
                width: 280,
                render: (_, m) =>
                  m.choice && onChoose ? (
                    <Select
                      aria-label={`Cơ quan tiếp nhận: ${m.label}`}
                      style={{ width: '100%' }}
                      value={m.choice.successorIndex}
                      onChange={(v) => onChoose(m.choice!.taskAgencyId, v)}
                      options={successors.map((name, i) => ({ value: i, label: name }))}
                    />
                  ) : (
                    (m.to ?? '—')
                  ),
              },
            ]}
          />
        ),
      }))}
    />
  );
}
