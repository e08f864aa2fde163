import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { reportVersionSummarySchema } from '../../../../shared/contracts/reporting';
import { useReportVersions } from '../../api/reporting';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { VersionChanges } from './VersionChanges';

type VersionSummary = z.infer<typeof reportVersionSummarySchema>;

/** Every submitted version (kept for ever) and what each changed compared with the one before. */
export function ReportVersionsPanel({ reportId, versionCount }: { reportId: number; versionCount: number }) {
  const versions = useReportVersions(reportId);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.versionNo - a.versionNo);
  const [picked, setPicked] = useState<number | null>(null);
  const selected = picked ?? items[0]?.versionNo ?? null;

  return (
    <section aria-label="Lịch sử các lần gửi">
      <Card title="Lịch sử các lần gửi" size="small" style={{ marginBottom: 16 }}>
        {versions.isError && (
          <QueryErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
        )}
        {versionCount === 0 && !versions.isPending ? (
          <Empty description="Báo cáo chưa được gửi lần nào." />
        ) : (
          <>
            <Table<VersionSummary>
              rowKey="versionNo"
              size="small"
              loading={versions.isPending}
              dataSource={items}
              pagination={false}
              rowSelection={{
                type: 'radio',
                selectedRowKeys: selected === null ? [] : [selected],
                onChange: (keys) => setPicked(Number(keys[0])),
                columnTitle: 'Xem',
              }}
              onRow={(v) => ({ onClick: () => setPicked(v.versionNo), style: { cursor: 'pointer' } })}
              columns={[
                { title: 'Lần gửi', dataIndex: 'versionNo', width: 90 },
                {
                  title: 'Thời điểm gửi',
                  dataIndex: 'submittedAt',
                  render: (v: string) => formatDateTime(v),
                },
                { title: 'Người gửi', dataIndex: ['submittedBy', 'name'], render: (v?: string) => v ?? '—' },
                {
                  title: 'Đúng hạn',
                  dataIndex: 'late',
                  render: (late: boolean) =>
                    late ? <Tag color="error">Muộn</Tag> : <Tag color="success">Đúng hạn</Tag>,
                },
              ]}
            />
            {selected !== null && (
              <div style={{ marginTop: 16 }}>
                {selected > 1 ? (
                  <>
                    <Typography.Title level={5}>
                      Lần gửi {selected} so với lần gửi {selected - 1}
                    </Typography.Title>
                    <VersionChanges reportId={reportId} from={selected - 1} to={selected} />
                  </>
                ) : (
                  <Typography.Text type="secondary">
                    Lần gửi 1 là bản đầu tiên, không có bản trước để so sánh.
                  </Typography.Text>
                )}
              </div>
            )}
          </>
        )}
      </Card>
    </section>
  );
}
