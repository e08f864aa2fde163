import { Table, Typography } from 'antd';
import type { Organisation } from '../../../../shared/contracts/organisations';
import { ADMIN_UNIT_TYPE_LABELS } from '../../../../shared/domain/organisations/admin-units';
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
        title={() => (
          <Typography.Text strong>
            {title}
            {items.length > 0 ? ` (${items.length} cơ quan)` : ''}
          </Typography.Text>
        )}
        loading={loading}
        dataSource={items}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText }}
        columns={[
          { title: 'Mã', dataIndex: 'code', key: 'code', width: 120 },
          { title: 'Tên cơ quan', dataIndex: 'name', key: 'name' },
          {
            title: 'Loại',
            key: 'kind',
            render: (_: unknown, o: Organisation) =>
              o.adminUnitType
                ? `${ORGANISATION_KIND_LABELS[o.kind]} (${ADMIN_UNIT_TYPE_LABELS[o.adminUnitType].toLowerCase()})`
                : ORGANISATION_KIND_LABELS[o.kind],
          },
        ]}
      />
    </>
  );
}
