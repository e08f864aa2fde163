import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import type { PlanTarget } from '../../../../shared/contracts/plan-draft';
import { formatNumber } from '../../lib/numbers';
import { TARGET_KIND_LABELS } from '../../lib/planLabels';
import { replaceAt } from './draftUpdates';
import { useReviewTools } from './ReviewContext';
import { TargetEditModal } from './TargetEditModal';

function range(t: PlanTarget): string {
  if (t.min === null && t.max === null) return '—';
  if (t.min === t.max || t.max === null) return formatNumber(t.min ?? 0);
  return `${t.min === null ? '…' : formatNumber(t.min)}–${formatNumber(t.max)}`;
}

function years(t: PlanTarget): string {
  if (t.fromYear !== null && t.toYear !== null && t.fromYear !== t.toYear) return `${t.fromYear}–${t.toYear}`;
  return String(t.toYear ?? t.fromYear ?? '—');
}

/** A target the importer did not read, typed in by the officer from the document. */
const BLANK_TARGET: PlanTarget = {
  text: '',
  kind: 'count',
  min: null,
  max: null,
  unit: '',
  fromYear: null,
  toYear: null,
  approximate: false,
  subject: '',
  origin: 'reviewer',
};

/** "Mục tiêu" as read: each figure in its own column so a misread number stands out. */
export function ReviewTargetsPanel({ targets }: { targets: PlanTarget[] }) {
  const { update, readOnly } = useReviewTools();
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const editingTarget = editing === null ? undefined : targets[editing];

  const columns: TableColumnsType<PlanTarget> = [
    {
      title: 'Nội dung',
      key: 'text',
      render: (_: unknown, t: PlanTarget) => (
        <>
          {t.text}
          {t.origin === 'reviewer' && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              thêm khi duyệt
            </Tag>
          )}
        </>
      ),
    },
    {
      title: 'Loại',
      key: 'kind',
      width: 140,
      render: (_: unknown, t: PlanTarget) => TARGET_KIND_LABELS[t.kind],
    },
    { title: 'Mức (min–max)', key: 'range', width: 110, render: (_: unknown, t: PlanTarget) => range(t) },
    { title: 'Đơn vị', dataIndex: 'unit', key: 'unit', width: 90 },
    { title: 'Năm', key: 'years', width: 100, render: (_: unknown, t: PlanTarget) => years(t) },
    {
      title: 'Khoảng',
      key: 'approximate',
      width: 80,
      render: (_: unknown, t: PlanTarget) => (t.approximate ? <Tag>khoảng</Tag> : null),
    },
  ];
  if (!readOnly) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 120,
      render: (_: unknown, _t: PlanTarget, index: number) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setEditing(index)}>
            Sửa
          </Button>
          <Popconfirm
            title="Bỏ chỉ tiêu này khỏi bản nháp?"
            okText="Bỏ"
            cancelText="Không"
            onConfirm={() => update((d) => ({ ...d, targets: d.targets.filter((_, i) => i !== index) }))}
          >
            <Button size="small" type="link" danger>
              Bỏ
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      {!readOnly && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          Thêm chỉ tiêu
        </Button>
      )}
      <Table<PlanTarget>
        rowKey={(t) => `${targets.indexOf(t)}`}
        columns={columns}
        dataSource={targets}
        pagination={false}
        size="small"
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Không đọc được chỉ tiêu định lượng nào trong phần “Mục tiêu”' }}
      />
      {editing !== null && editingTarget && (
        <TargetEditModal
          target={editingTarget}
          onApply={(t) => update((d) => ({ ...d, targets: replaceAt(d.targets, editing, t) }))}
          onClose={() => setEditing(null)}
        />
      )}
      {adding && (
        <TargetEditModal
          title="Thêm chỉ tiêu hệ thống chưa đọc được"
          target={BLANK_TARGET}
          onApply={(t) => update((d) => ({ ...d, targets: [...d.targets, { ...t, origin: 'reviewer' }] }))}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}
