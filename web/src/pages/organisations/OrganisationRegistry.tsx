import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { Organisation } from '../../../../shared/contracts/organisations';
import { type OrganisationFilter, useAllOrganisations, useOrganisationList } from '../../api/organisations';
import { useCan } from '../../auth/SessionContext';
import { KindSelect } from '../../components/KindSelect';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { CommuneImportModal } from './CommuneImportModal';
import { OrganisationFormModal } from './OrganisationFormModal';
import { organisationColumns } from './organisationColumns';

/** `undefined` = modal closed, `null` = creating, an agency = editing it. */
type Editing = Organisation | null | undefined;

export function OrganisationRegistry() {
  const canManage = useCan('organisations.manage');
  const [filter, setFilter] = useState<OrganisationFilter>({});
  const [editing, setEditing] = useState<Editing>(undefined);
  const [importing, setImporting] = useState(false);
  const list = useOrganisationList(filter);
  // Successors may lie outside the current filter (e.g. created after the chosen date), so names come from all.
  const all = useAllOrganisations();
  const names = useMemo(() => new Map((all.data ?? []).map((o) => [o.id, o.name])), [all.data]);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? `Cơ quan mã số ${id}`));

  return (
    <>
      <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="Tìm theo mã, tên, tên gọi khác"
          aria-label="Tìm cơ quan"
          allowClear
          enterButton="Tìm"
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ maxWidth: 340 }}
        />
        <KindSelect
          aria-label="Lọc theo loại cơ quan"
          placeholder="Tất cả các loại"
          allowClear
          value={filter.kind ?? null}
          onChange={(kind) => setFilter((f) => ({ ...f, kind: kind ?? undefined }))}
          style={{ width: 200, maxWidth: '100%' }}
        />
        <DatePicker
          aria-label="Tồn tại vào ngày"
          placeholder="Tồn tại vào ngày"
          format={DATE_FORMAT}
          value={fromIsoDate(filter.on)}
          onChange={(d) => setFilter((f) => ({ ...f, on: toIsoDate(d) ?? undefined }))}
        />
        {canManage && (
          <Flex gap={8} wrap="wrap" style={{ marginLeft: 'auto' }}>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              Nạp danh sách xã, phường
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              Thêm cơ quan
            </Button>
          </Flex>
        )}
      </Flex>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Organisation>
        rowKey="id"
        columns={organisationColumns({ nameOf, onEdit: canManage ? setEditing : undefined })}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: list.isError ? 'Chưa tải được dữ liệu' : 'Không có cơ quan phù hợp' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `Tổng số ${total} cơ quan`,
        }}
      />
      {importing && <CommuneImportModal onClose={() => setImporting(false)} />}
      {editing !== undefined && (
        <OrganisationFormModal organisation={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
