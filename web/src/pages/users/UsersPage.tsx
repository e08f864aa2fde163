import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../shared/contracts/users';
import { type UserListFilter, useUserList } from '../../api/users';
import { useCan, useCurrentSession } from '../../auth/SessionContext';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { usePageTitle } from '../../lib/usePageTitle';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { userColumns } from './userColumns';

export function UsersPage() {
  usePageTitle('Người dùng');
  const { user: me } = useCurrentSession();
  const canManage = useCan('users.manage');
  const [filter, setFilter] = useState<UserListFilter>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useUserList(filter);

  // Any change of the filter starts again from the first page, otherwise page 5 of a short result is empty.
  const refine = (change: Partial<UserListFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));

  return (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Người dùng
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Thêm người dùng
          </Button>
        )}
      </Flex>
      <Card>
        <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="Tìm theo tên đăng nhập, họ tên"
            aria-label="Tìm người dùng"
            allowClear
            enterButton="Tìm"
            onSearch={(q) => refine({ q: q.trim() || undefined })}
            style={{ maxWidth: 360 }}
          />
          <OrganisationSelect
            aria-label="Lọc theo cơ quan"
            placeholder="Tất cả cơ quan"
            allowClear
            value={filter.organisationId ?? null}
            onChange={(id) => refine({ organisationId: id ?? undefined })}
            style={{ width: 280, maxWidth: '100%' }}
          />
        </Flex>
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<User>
          rowKey="id"
          columns={userColumns({
            canManage,
            currentUserId: me.id,
            onEdit: setEditing,
            onResetPassword: setResetting,
          })}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          // Wide enough to stay legible; below this the table scrolls sideways with the actions pinned.
          scroll={{ x: 960 }}
          locale={{ emptyText: list.isError ? 'Chưa tải được dữ liệu' : 'Không có người dùng nào' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `Tổng số ${total} người dùng`,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
