import { Empty, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useReportList } from '../../api/reporting';
import { useCurrentSession } from '../../auth/SessionContext';
import { AgencyChain } from '../../components/AgencyChain';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { MyReportCard } from './MyReportCard';

const PAGE_SIZE = 10;

/**
 * A reporter's list: every report of the agency, one page at a time, in the order the server gives for
 * "my work" (returned first, then drafts, sent, accepted; open periods first; earliest due first).
 */
export function MyAgencyReports() {
  const { user } = useCurrentSession();
  const [page, setPage] = useState(1);
  const list = useReportList({
    organisationId: user.organisationId,
    sort: 'work',
    page,
    pageSize: PAGE_SIZE,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <section aria-label="Báo cáo của cơ quan">
      <Typography.Title level={4}>
        Báo cáo của {user.organisationName}
        {list.data ? ` (${total})` : ''}
      </Typography.Title>
      {/* Every report here is the agency's: the first one says whether it was reorganised since. */}
      <AgencyChain chain={items[0]?.organisation.chain} lead="nay là" />
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Typography.Text type="secondary">Đang tải báo cáo…</Typography.Text>
      ) : (
        total === 0 &&
        !list.isError && <Empty description="Cơ quan bạn chưa có báo cáo nào trong các kỳ báo cáo." />
      )}
      {items.map((r) => (
        <MyReportCard key={r.id} report={r} />
      ))}
      {total > PAGE_SIZE && (
        <Pagination
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          showTotal={(n) => `Tổng số ${n} báo cáo`}
          onChange={(next) => {
            setPage(next);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </section>
  );
}
