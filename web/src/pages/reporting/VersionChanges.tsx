import { Alert, Table, Tag, Typography } from 'antd';
import type { SnapshotChange } from '../../../../shared/contracts/reporting';
import { useVersionComparison } from '../../api/reporting';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { RichTextView } from './RichTextView';

const KIND: Record<SnapshotChange['kind'], { label: string; color: string }> = {
  added: { label: 'Bổ sung', color: 'green' },
  removed: { label: 'Bỏ đi', color: 'red' },
  changed: { label: 'Sửa', color: 'blue' },
};

const cell = (value: string | null, background: string) =>
  value === null ? (
    <Typography.Text type="secondary">(trống)</Typography.Text>
  ) : (
    <div style={{ background, padding: '4px 8px', borderRadius: 4 }}>
      <RichTextView value={value} />
    </div>
  );

/** What changed between two submitted versions, field by field, old and new side by side. */
export function VersionChanges({ reportId, from, to }: { reportId: number; from: number; to: number }) {
  const compare = useVersionComparison(reportId, from, to);
  if (compare.isError)
    return <QueryErrorAlert error={compare.error} onRetry={() => void compare.refetch()} />;
  if (compare.data && compare.data.changes.length === 0) {
    return <Alert type="info" showIcon title={`Lần gửi ${to} không khác lần gửi ${from}.`} />;
  }
  return (
    <Table<SnapshotChange>
      rowKey="path"
      size="small"
      loading={compare.isPending}
      dataSource={compare.data?.changes ?? []}
      pagination={false}
      scroll={{ x: 800 }}
      columns={[
        { title: 'Nội dung', dataIndex: 'label', width: 220 },
        {
          title: 'Thay đổi',
          dataIndex: 'kind',
          width: 90,
          render: (kind: SnapshotChange['kind']) => <Tag color={KIND[kind].color}>{KIND[kind].label}</Tag>,
        },
        { title: `Lần gửi ${from}`, dataIndex: 'before', render: (v: string | null) => cell(v, '#fff1f0') },
        { title: `Lần gửi ${to}`, dataIndex: 'after', render: (v: string | null) => cell(v, '#f6ffed') },
      ]}
    />
  );
}
