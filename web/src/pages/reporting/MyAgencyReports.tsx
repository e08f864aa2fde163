import { Empty, Typography } from 'antd';
import { useReportList } from '../../api/reporting';
import { useCurrentSession } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { MyReportCard } from './MyReportCard';
import { openReportsOf } from './openReports';

/** A reporter's list: the agency's reports in open periods that are not yet accepted. */
export function MyAgencyReports() {
  const { user } = useCurrentSession();
  const list = useReportList({ organisationId: user.organisationId, page: 1, pageSize: 200 });
  const open = openReportsOf(list.data?.items ?? []);

  return (
    <section aria-label="Báo cáo của cơ quan">
      <Typography.Title level={4}>Báo cáo của {user.organisationName}</Typography.Title>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Typography.Text type="secondary">Đang tải báo cáo…</Typography.Text>
      ) : (
        open.length === 0 &&
        !list.isError && (
          <Empty description="Hiện không có kỳ báo cáo nào đang chờ cơ quan bạn gửi báo cáo." />
        )
      )}
      {open.map((r) => (
        <MyReportCard key={r.id} report={r} />
      ))}
    </section>
  );
}
