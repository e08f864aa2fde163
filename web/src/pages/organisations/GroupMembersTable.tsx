import { Table, Typography } from 'antd';
import type { Organisation } from '../../../../shared/contracts/organisations';
import { ORGANISATION_KIND_LABELS } from '../../../../shared/domain/organisations/kinds';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

interface GroupMembersProps {
  title: string;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  items: Organisation[];
  emptyText: string;
}

export function GroupMembersTable({ title, loading, error, onRetry, items, emptyText }: GroupMembersProps) {
  return (
    <>
      {error ? <QueryErrorAlert error={error} onRetry={onRetry} /> : null}
      <Table<Organisation>
        rowKey="id"
        size="small"
        title={() => <Typography.Text strong>{title}</Typography.Text>}
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText }}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', width: 120 },
          { title: 'Tên cơ quan', dataIndex: 'name', key: 'name' },
          {
            title: 'Loại',
            key: 'kind',
            render: (_: unknown, o: Organisation) => ORGANISATION_KIND_LABELS[o.kind],
          },
        ]}
      />
    </>
  );
}
