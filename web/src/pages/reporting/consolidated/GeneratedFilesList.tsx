import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Empty, Flex, List, Popover, Progress, Tag, Typography } from 'antd';
import { GENERATION_STATUS_LABELS, type GenerationJob } from '../../../../../shared/contracts/consolidated';
import { generatedFileUrl } from '../../../api/consolidated';
import { formatDateTime } from '../../../lib/dates';
import { formatFileSize } from '../../../lib/numbers';

const STATUS_COLOR: Record<GenerationJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** "12 báo cáo đã tiếp nhận", with the agencies and the version of each in a popover. */
function Sources({ job }: { job: GenerationJob }) {
  if (job.sources.length === 0) return <span>chưa có báo cáo nào được tiếp nhận</span>;
  const list = (
    <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }}>
      {job.sources.map((s) => (
        <li key={s.reportId}>
          {s.organisation} — lần gửi {s.versionNo}
        </li>
      ))}
    </ul>
  );
  return (
    <Popover title="Báo cáo được dùng để lập" content={list}>
      <Typography.Link>{job.sources.length} báo cáo đã tiếp nhận</Typography.Link>
    </Popover>
  );
}

function JobRow({ job, periodId }: { job: GenerationJob; periodId: number }) {
  const who = job.requestedBy?.name ?? 'Không rõ người lập';
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap="wrap">
          <FileWordOutlined aria-hidden />
          {job.file ? (
            <a href={generatedFileUrl(periodId, job.id)} download>
              <DownloadOutlined /> {job.file.name}
            </a>
          ) : (
            <Typography.Text strong>{job.kindLabel}</Typography.Text>
          )}
          <Tag color={STATUS_COLOR[job.status]}>{GENERATION_STATUS_LABELS[job.status]}</Tag>
          {job.file && <Typography.Text type="secondary">{formatFileSize(job.file.size)}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary">
          {who} lập lúc {formatDateTime(job.requestedAt)}
          {job.status === 'done' && (
            <>
              {' '}
              · từ <Sources job={job} />
            </>
          )}
        </Typography.Text>
        {(job.status === 'queued' || job.status === 'running') && (
          <Progress
            percent={job.progress}
            status="active"
            aria-label={`Tiến độ lập ${job.kindLabel.toLowerCase()}`}
            style={{ maxWidth: 480 }}
          />
        )}
        {job.status === 'failed' && job.error && <Alert type="error" showIcon title={job.error} />}
      </Flex>
    </List.Item>
  );
}

/** The period's generated documents, newest first, each with who made it, when and from what. */
export function GeneratedFilesList({ jobs, periodId }: { jobs: GenerationJob[]; periodId: number }) {
  if (jobs.length === 0)
    return <Empty description="Chưa lập báo cáo nào cho kỳ này." image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List dataSource={jobs} rowKey="id" renderItem={(job) => <JobRow job={job} periodId={periodId} />} />
  );
}
