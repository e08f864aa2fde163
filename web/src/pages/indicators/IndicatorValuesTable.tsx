import { LinkOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import {
  type IndicatorDetail,
  type IndicatorValue,
  REVIEW_STATE_LABELS,
} from '../../../../shared/contracts/indicators';
import { formatDateTime } from '../../lib/dates';
import { formatValue, REVIEW_STATE_COLORS } from './indicatorFormat';
import { ReviewValueActions } from './ReviewValueActions';
import { ValueStatusTag } from './ValueStatusTag';

const muted = (v: IndicatorValue) => v.superseded || v.reviewState === 'rejected';

function columns(indicator: IndicatorDetail): TableColumnsType<IndicatorValue> {
  const cols: TableColumnsType<IndicatorValue> = [
    { title: 'Năm', dataIndex: 'year', key: 'year', width: 70 },
    {
      title: `Giá trị (${indicator.unit})`,
      key: 'value',
      width: 120,
      align: 'right',
      render: (_: unknown, v: IndicatorValue) =>
        v.effective ? <strong>{formatValue(v.value)}</strong> : formatValue(v.value),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 150,
      render: (_: unknown, v: IndicatorValue) => (
        <>
          <ValueStatusTag status={v.status} />
          {v.effective && <Tag color="cyan">Đang dùng</Tag>}
          {v.superseded && (
            <Tooltip title="Đã có số liệu tin cậy hơn hoặc mới hơn cho năm này; dòng này được giữ lại làm lịch sử.">
              <Tag>Đã thay thế</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: 'Nguồn',
      key: 'source',
      render: (_: unknown, v: IndicatorValue) => (
        <>
          <div>
            {v.source}{' '}
            {v.sourceUrl && (
              <a href={v.sourceUrl} target="_blank" rel="noreferrer noopener">
                <LinkOutlined /> Liên kết
              </a>
            )}
          </div>
          {v.isSample && <Tag color="purple">Số liệu minh họa</Tag>}
          {v.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.note}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Người nhập',
      key: 'entered',
      width: 170,
      render: (_: unknown, v: IndicatorValue) => (
        <>
          <div>{v.enteredBy?.name ?? 'Hệ thống (nạp dữ liệu mẫu)'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(v.enteredAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Tiếp nhận',
      key: 'review',
      width: 200,
      render: (_: unknown, v: IndicatorValue) => (
        <>
          <Tag color={REVIEW_STATE_COLORS[v.reviewState]}>{REVIEW_STATE_LABELS[v.reviewState]}</Tag>
          {v.reviewedBy && v.reviewedBy.id !== v.enteredBy?.id && (
            <div style={{ fontSize: 12 }}>{v.reviewedBy.name}</div>
          )}
          {v.reviewNote && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.reviewNote}
            </Typography.Text>
          )}
          {indicator.canManage && v.reviewState === 'pending' && <ReviewValueActions value={v} />}
        </>
      ),
    },
  ];
  return cols;
}

/** Every row ever entered: the one that counts in bold, superseded and rejected rows greyed. */
export function IndicatorValuesTable({ indicator }: { indicator: IndicatorDetail }) {
  return (
    <Table<IndicatorValue>
      rowKey="id"
      size="middle"
      columns={columns(indicator)}
      dataSource={indicator.values}
      scroll={{ x: 900 }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} dòng số liệu` }}
      onRow={(v) => ({
        'data-testid': `value-row-${v.year}`,
        style: muted(v) ? { opacity: 0.5, background: '#fafafa' } : undefined,
      })}
      locale={{ emptyText: 'Chưa có số liệu nào' }}
    />
  );
}
