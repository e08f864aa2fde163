import { FileAddOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Skeleton, Typography } from 'antd';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { reportJobFileUrl, useReportJobs, useStartReportGeneration } from '../../api/generatedDocuments';
import { useCan, useCurrentSession } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { GeneratedFilesList } from './consolidated/GeneratedFilesList';

/**
 * The agency's Word report generated as a tracked job ("Lập văn bản báo cáo (.docx)"): progress while
 * it is made, then every file kept with who made it, when and from which version of the report. The
 * agency itself and those who supervise reports generate; everyone who reads the report downloads.
 */
export function ReportDocumentsPanel({ report }: { report: ReportDetail }) {
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const supervises = useCan('reports.monitor');
  const jobs = useReportJobs(report.id);
  const start = useStartReportGeneration(report.id);
  const canGenerate = supervises || user.organisationId === report.organisation.id;
  const running = (jobs.data?.items ?? []).some((j) => j.status === 'queued' || j.status === 'running');

  const generate = () =>
    start
      .mutateAsync()
      .then(() => message.info('Đã bắt đầu lập văn bản báo cáo; tiến độ hiện ở danh sách bên dưới.'))
      .catch((error: unknown) => message.error(errorMessageOf(error)));

  return (
    <Card
      className="no-print"
      title={
        <span>
          <FileWordOutlined /> Văn bản báo cáo đã lập
        </span>
      }
      extra={
        canGenerate && (
          <Button icon={<FileAddOutlined />} onClick={generate} loading={start.isPending} disabled={running}>
            Lập văn bản báo cáo (.docx)
          </Button>
        )
      }
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">
        Văn bản theo thể thức Nghị định 30/2020/NĐ-CP, lập từ nội dung báo cáo tại thời điểm lập; báo cáo chưa
        gửi được đánh dấu “DỰ THẢO”. Mỗi lần lập được lưu lại để đối chiếu.
      </Typography.Paragraph>
      {jobs.isError ? (
        <QueryErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data ? (
        <GeneratedFilesList
          jobs={jobs.data.items}
          fileUrl={(jobId) => reportJobFileUrl(report.id, jobId)}
          empty="Chưa lập văn bản báo cáo nào."
          label="Văn bản báo cáo đã lập"
        />
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}
