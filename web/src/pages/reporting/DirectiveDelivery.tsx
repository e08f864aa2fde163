import { Tag, Typography } from 'antd';
import type { AgencyDelivery } from '../../../../shared/contracts/reporting';

/**
 * Where a directive went (issue 14): "Gửi Sở Kế hoạch và Đầu tư — đã chuyển tới Sở Tài chính" when the
 * agency it was written for had been merged, and a warning when it reached nobody. Nothing for an
 * ordinary delivery.
 */
export function DirectiveDelivery({ delivery }: { delivery: readonly AgencyDelivery[] }) {
  const notable = delivery.filter((d) => d.redirectedTo.length > 0 || d.reached === 0);
  if (notable.length === 0) return null;
  return (
    <div style={{ marginTop: 4 }}>
      {notable.map((d) => (
        <div key={d.organisation.id} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">
            Gửi {d.organisation.name}
            {d.redirectedTo.length > 0 && (
              <> — đã chuyển tới {d.redirectedTo.map((t) => t.name).join(', ')}</>
            )}
          </Typography.Text>{' '}
          {d.reached === 0 && (
            <Tag color="error" style={{ marginInlineStart: 4 }}>
              Không đến được ai: không có người dùng đang hoạt động
            </Tag>
          )}
        </div>
      ))}
    </div>
  );
}
