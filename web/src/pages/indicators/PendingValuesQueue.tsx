import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PendingValue } from '../../../../shared/contracts/indicators';
import { indicatorPath } from '../../../../shared/domain/app-links';
import { formatFigureVi } from '../../../../shared/domain/indicators/format';
import { usePendingValues } from '../../api/indicators';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../lib/dates';
import { ReviewValueActions } from './ReviewValueActions';
import { ValueStatusTag } from './ValueStatusTag';

const COLUMNS: ResponsiveColumn<PendingValue>[] = [
  {
    title: 'Chỉ số',
    key: 'indicator',
    phone: 'title',
    render: (_, v) => (
      <Flex vertical>
        <Link to={indicatorPath(v.plan.id, v.indicator.id)}>
          {v.indicator.code} — {v.indicator.name}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Kế hoạch {v.plan.number ?? v.plan.title}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: 'Số liệu',
    key: 'value',
    width: 200,
    render: (_, v) => (
      <Flex gap={6} wrap="wrap" align="center">
        <span>
          Năm {v.year}: <strong>{formatFigureVi(v.value)}</strong> {v.indicator.unit}
        </span>
        <ValueStatusTag status={v.status} />
      </Flex>
    ),
  },
  { title: 'Nguồn', dataIndex: 'source', key: 'source', width: 180, phone: 'hide' },
  {
    title: 'Người nhập',
    key: 'enteredBy',
    width: 200,
    render: (_, v) => (
      <Flex vertical>
        <span>{v.enteredBy ? `${v.enteredBy.name}, ${v.enteredBy.organisationName}` : '—'}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(v.enteredAt)}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: 'Thao tác',
    key: 'actions',
    phone: 'actions',
    width: 220,
    render: (_, v) => <ReviewValueActions value={v} />,
  },
];

/** The coordinator's part of "Việc của tôi" for indicators: agencies' figures waiting to be accepted. */
export function PendingValuesQueue() {
  const [page, setPage] = useState(1);
  const list = usePendingValues(page);
  return (
    <section aria-label="Số liệu chỉ số chờ tiếp nhận">
      <Card
        title={`Số liệu chỉ số chờ tiếp nhận${list.data ? ` (${list.data.total})` : ''}`}
        style={{ marginBottom: 24 }}
      >
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<PendingValue>
          aria-label="Danh sách số liệu chờ tiếp nhận"
          rowKey="id"
          size="small"
          columns={COLUMNS}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: 'Không có số liệu nào đang chờ tiếp nhận.' }}
          pagination={{
            current: page,
            pageSize: 10,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      </Card>
    </section>
  );
}
