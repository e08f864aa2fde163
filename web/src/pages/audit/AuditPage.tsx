import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import { AUDIT_ACTIONS, AUDIT_ENTITY_LABELS } from '../../../../shared/domain/audit/describe';
import { type AuditFilter, auditWorkbookUrl, useAuditList } from '../../api/audit';
import { useUserList } from '../../api/users';
import { useCan } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime, fromIsoDate, toIsoDate } from '../../lib/dates';
import { listTotalText } from '../../lib/listTotal';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuditChanges } from './AuditChanges';

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, a]) => ({ value, label: a.label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

function columns(onActor: (id: number, name: string) => void): ResponsiveColumn<AuditEntry>[] {
  return [
    {
      title: 'Thời gian',
      dataIndex: 'at',
      key: 'at',
      width: 140,
      render: (_: unknown, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
    },
    {
      title: 'Người thực hiện',
      dataIndex: 'actorName',
      key: 'actor',
      width: 170,
      // No actor means the system itself acted (seed data, scheduled jobs). A click filters by the person.
      render: (_: unknown, e) =>
        e.actorId === null || e.actorName === null ? (
          <Typography.Text type="secondary">Hệ thống</Typography.Text>
        ) : (
          <Typography.Link
            onClick={() => onActor(e.actorId!, e.actorName!)}
            title="Chỉ xem việc của người này"
          >
            {e.actorName}
          </Typography.Link>
        ),
    },
    { title: 'Nội dung', dataIndex: 'text', key: 'text', phone: 'title' },
    {
      title: 'Thay đổi, thông tin kèm theo',
      key: 'changes',
      width: 360,
      render: (_: unknown, e) => <AuditChanges changes={e.changes} />,
    },
  ];
}

/** Who did what and when, in Vietnamese; filtered by person, days and action; exported for an inspector. */
export function AuditPage() {
  usePageTitle('Nhật ký thay đổi');
  const canListUsers = useCan('users.read');
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 50 });
  const [actorName, setActorName] = useState<string | null>(null);
  const list = useAuditList(filter);
  const users = useUserList({ page: 1, pageSize: 200 }, canListUsers);
  const refine = (change: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));
  const { page: _p, pageSize: _s, ...exportFilter } = filter;

  return (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Nhật ký thay đổi
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={auditWorkbookUrl(exportFilter)}>
          Xuất Excel
        </Button>
      </Flex>
      <Card>
        <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
          {canListUsers ? (
            <Select<number>
              aria-label="Lọc theo người thực hiện"
              placeholder="Mọi người thực hiện"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(users.data?.items ?? []).map((u) => ({
                value: u.id,
                label: `${u.fullName} (${u.username})`,
              }))}
              value={filter.actorId}
              onChange={(actorId) => refine({ actorId: actorId ?? undefined })}
              style={{ width: 260, maxWidth: '100%' }}
            />
          ) : (
            filter.actorId !== undefined && (
              <Tag closable onClose={() => refine({ actorId: undefined })} style={{ alignSelf: 'center' }}>
                Người thực hiện: {actorName}
              </Tag>
            )
          )}
          <DatePicker.RangePicker
            aria-label="Lọc theo khoảng ngày"
            format="DD/MM/YYYY"
            placeholder={['Từ ngày', 'Đến ngày']}
            value={[fromIsoDate(filter.from), fromIsoDate(filter.to)]}
            onChange={(range) =>
              refine({ from: toIsoDate(range?.[0]) ?? undefined, to: toIsoDate(range?.[1]) ?? undefined })
            }
            style={{ maxWidth: '100%' }}
          />
          <Select<string>
            aria-label="Lọc theo hành động"
            placeholder="Mọi hành động"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={ACTION_OPTIONS}
            value={filter.action}
            onChange={(action) => refine({ action: action ?? undefined })}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Select<string>
            aria-label="Lọc theo loại đối tượng"
            placeholder="Mọi đối tượng"
            allowClear
            options={ENTITY_OPTIONS}
            value={filter.entity}
            onChange={(entity) => refine({ entity: entity ?? undefined })}
            style={{ width: 200, maxWidth: '100%' }}
          />
        </Flex>
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<AuditEntry>
          aria-label="Các mục nhật ký"
          rowKey="id"
          columns={columns((actorId, name) => {
            setActorName(name);
            refine({ actorId });
          })}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: list.isError ? 'Chưa tải được dữ liệu' : 'Không có mục nào phù hợp' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => listTotalText(total, list.data?.totalCapped, 'mục'),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
