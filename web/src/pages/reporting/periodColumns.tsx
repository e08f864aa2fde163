import { WarningOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PERIOD_STATE_LABELS, type Period } from '../../../../shared/contracts/reporting';
import { periodKindYear } from '../../../../shared/domain/reporting/period-title';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { formatDate } from '../../lib/dates';
import { DueCountdownTag } from './DueCountdownTag';

interface Options {
  canManage: boolean;
  onExtend: (p: Period) => void;
  onAction: (p: Period, action: 'close' | 'reopen' | 'refresh') => void;
}

function extensionsNote(p: Period): string {
  return p.extensions
    .map((e) => `Gia hạn từ ${formatDate(e.fromDueOn)} đến ${formatDate(e.toDueOn)}: ${e.reason}`)
    .join('\n');
}

export function periodColumns({ canManage, onExtend, onAction }: Options): ResponsiveColumn<Period>[] {
  return [
    {
      title: 'Kỳ báo cáo',
      dataIndex: 'title',
      render: (title: string, p) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{title}</Typography.Text>
          <span>
            <Tag>{periodKindYear(p.kind, p.year)}</Tag>
          </span>
          {p.warnings.length > 0 && (
            <Tooltip
              title={
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {p.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            >
              <Tag
                color="warning"
                icon={<WarningOutlined />}
                data-period-warning=""
                style={{ whiteSpace: 'normal' }}
              >
                {p.warnings.length} cảnh báo: có nhiệm vụ không đến được cơ quan nào
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: 'Chốt số liệu',
      dataIndex: 'dataClosingOn',
      width: 120,
      render: (v: string | null) => (v ? formatDate(v) : '—'),
    },
    {
      title: 'Hạn nộp',
      dataIndex: 'dueOn',
      width: 150,
      render: (v: string, p) => (
        <Flex vertical gap={2} align="flex-start">
          <span>
            {formatDate(v)}
            {p.extensions.length > 0 && (
              <Tooltip title={<span style={{ whiteSpace: 'pre-wrap' }}>{extensionsNote(p)}</span>}>
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  Đã gia hạn
                </Tag>
              </Tooltip>
            )}
          </span>
          {p.state === 'open' && <DueCountdownTag dueOn={v} />}
        </Flex>
      ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 100,
      render: (s: Period['state']) => (
        <Tag color={s === 'open' ? 'processing' : 'default'}>{PERIOD_STATE_LABELS[s]}</Tag>
      ),
    },
    {
      title: 'Báo cáo',
      key: 'counts',
      width: 210,
      render: (_, p) => {
        const c = p.counts;
        return (
          <Typography.Text style={{ fontSize: 13 }}>
            {c.expected} cơ quan · {c.submitted} chờ tiếp nhận · {c.accepted} đã tiếp nhận
            {c.returned > 0 ? ` · ${c.returned} bị trả lại` : ''} · {c.draft} đang soạn
          </Typography.Text>
        );
      },
    },
    {
      title: 'Thao tác',
      key: 'actions',
      phone: 'actions',
      fixed: 'right',
      width: canManage ? 236 : 170,
      render: (_, p) => (
        <Flex gap={6} wrap="wrap">
          <Link to={`/bao-cao?ke-hoach=${p.planId}&ky=${p.id}&trang-thai=tat-ca`}>
            <Button size="small">Báo cáo</Button>
          </Link>
          <Link to={`/ty-le-bao-cao?ke-hoach=${p.planId}&ky=${p.id}`}>
            <Button size="small">Tỷ lệ</Button>
          </Link>
          {canManage && (
            <Dropdown
              trigger={['click']}
              menu={{
                items:
                  p.state === 'open'
                    ? [
                        { key: 'extend', label: 'Gia hạn', onClick: () => onExtend(p) },
                        {
                          key: 'refresh',
                          label: 'Bổ sung cơ quan mới có nhiệm vụ',
                          onClick: () => onAction(p, 'refresh'),
                        },
                        { key: 'close', label: 'Đóng kỳ', danger: true, onClick: () => onAction(p, 'close') },
                      ]
                    : [{ key: 'reopen', label: 'Mở lại kỳ', onClick: () => onAction(p, 'reopen') }],
              }}
            >
              <Button size="small" aria-label={`Thao tác khác với ${p.title}`}>
                Khác…
              </Button>
            </Dropdown>
          )}
        </Flex>
      ),
    },
  ];
}
