import { FileAddOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import type { Period } from '../../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../../api/ApiError';
import {
  reviewDataUrl,
  reviewFileUrl,
  useReviewJobs,
  useStartReviewGeneration,
} from '../../../api/generatedDocuments';
import { useCurrentSession } from '../../../auth/SessionContext';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { GeneratedFilesList } from './GeneratedFilesList';

type ReviewKind = 'midterm' | 'final';
const KIND_OF: Partial<Record<Period['kind'], ReviewKind>> = { mid_term: 'midterm', final: 'final' };
const WORD: Record<ReviewKind, string> = { midterm: 'sơ kết', final: 'tổng kết' };

/**
 * "Sơ kết, tổng kết" of the plan's periods page: for each review period the plan has opened, a button
 * that drafts the mid-term (sơ kết) or final (tổng kết) review as a Word file in a tracked job, the
 * review's data as Excel, and the list of reviews generated (with progress while one is made). Only
 * the consolidating agency's coordinators and administrators generate; the server refuses others.
 */
export function ReviewReportsCard({
  planId,
  periods,
  consolidatorOrgId,
}: {
  planId: number;
  periods: readonly Period[];
  consolidatorOrgId: number | null;
}) {
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const jobs = useReviewJobs(planId);
  const start = useStartReviewGeneration(planId);
  const canGenerate =
    user.role === 'admin' ||
    (user.role === 'coordinator' &&
      (consolidatorOrgId === null || consolidatorOrgId === user.organisationId));
  const reviews = periods
    .flatMap((p) => {
      const kind = KIND_OF[p.kind];
      return kind ? [{ kind, year: p.year, title: p.title, id: p.id }] : [];
    })
    .sort((a, b) => a.year - b.year);
  const running = (jobs.data?.items ?? []).some((j) => j.status === 'queued' || j.status === 'running');

  const generate = (kind: ReviewKind, year: number) =>
    start
      .mutateAsync({ kind, year })
      .then(() => message.info(`Đã bắt đầu lập báo cáo ${WORD[kind]}; tiến độ hiện ở danh sách bên dưới.`))
      .catch((error: unknown) => message.error(errorMessageOf(error)));

  return (
    <Card title="Sơ kết, tổng kết" style={{ marginTop: 24 }}>
      {reviews.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title="Kế hoạch chưa mở kỳ sơ kết hay tổng kết. Mở kỳ báo cáo loại sơ kết hoặc tổng kết để lập báo cáo."
          style={{ marginBottom: 16 }}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            Báo cáo {canGenerate ? 'được lập' : 'do cơ quan tổng hợp lập'} từ số liệu các năm của kế hoạch:
            chỉ tiêu qua từng năm, tình hình thực hiện nhiệm vụ từng năm và kết quả theo các báo cáo đã tiếp
            nhận, theo thể thức Nghị định 30/2020/NĐ-CP.
          </Typography.Paragraph>
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {reviews.map((r) => (
              <Flex key={r.id} gap={8} wrap="wrap" align="center">
                {canGenerate && (
                  <Button
                    type="primary"
                    icon={<FileAddOutlined />}
                    onClick={() => generate(r.kind, r.year)}
                    loading={
                      start.isPending && start.variables?.kind === r.kind && start.variables.year === r.year
                    }
                    disabled={running}
                  >
                    Lập báo cáo {WORD[r.kind]} năm {r.year}
                  </Button>
                )}
                <Button icon={<FileExcelOutlined />} href={reviewDataUrl(planId, r.kind, r.year)} download>
                  Số liệu {WORD[r.kind]} năm {r.year} (Excel)
                </Button>
              </Flex>
            ))}
          </Flex>
        </>
      )}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        Các báo cáo sơ kết, tổng kết đã lập
      </Typography.Title>
      {jobs.isError ? (
        <QueryErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data ? (
        <GeneratedFilesList
          jobs={jobs.data.items}
          fileUrl={(jobId) => reviewFileUrl(planId, jobId)}
          empty="Chưa lập báo cáo sơ kết, tổng kết nào."
          label="Các báo cáo sơ kết, tổng kết đã lập"
        />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  );
}
