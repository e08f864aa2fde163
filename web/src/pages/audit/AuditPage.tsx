import { Card, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import { type AuditFilter, useAuditList } from '../../api/audit';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuditDetail } from './AuditDetail';
import { actionLabel, ENTITY_LABELS, entityLabel } from './auditLabels';

const COLUMNS: TableColumnsType<AuditEntry> = [
  {
    title: 'Thời gian',
    dataIndex: 'at',
    key: 'at',
    width: 140,
    render: (_: unknown, e: AuditEntry) => (
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>
    ),
  },
  {
    title: 'Người thực hiện',
    dataIndex: 'actorName',
    key: 'actor',
    width: 160,
    // No actor means the system itself acted (seed data, scheduled jobs).
    render: (_: unknown, e: AuditEntry) =>
      e.actorName ?? <Typography.Text type="secondary">Hệ thống</Typography.Text>,
  },
  {
    title: 'Hành động',
    dataIndex: 'action',
    key: 'action',
    width: 180,
    render: (_: unknown, e: AuditEntry) => actionLabel(e.action),
  },
  {
    title: 'Đối tượng',
    dataIndex: 'entity',
    key: 'entity',
    width: 160,
    render: (_: unknown, e: AuditEntry) => entityLabel(e.entity, e.entityId),
  },
  {
    title: 'Chi tiết',
    dataIndex: 'detail',
    key: 'detail',
    render: (_: unknown, e: AuditEntry) => <AuditDetail detail={e.detail} />,
  },
];

const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));

export function AuditPage() {
  usePageTitle('Nhật ký thay đổi');
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 50 });
  const list = useAuditList(filter);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhật ký thay đổi
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
          <Select<string>
            aria-label="Lọc theo loại đối tượng"
            placeholder="Tất cả đối tượng"
            allowClear
            options={ENTITY_OPTIONS}
            value={filter.entity}
            onChange={(entity) => setFilter((f) => ({ ...f, entity: entity ?? undefined, page: 1 }))}
            style={{ width: 200, maxWidth: '100%' }}
          />
        </Flex>
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<AuditEntry>
          rowKey="id"
          columns={COLUMNS}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: list.isError ? 'Chưa tải được dữ liệu' : 'Chưa có mục nào trong nhật ký' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `Tổng số ${total} mục`,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
