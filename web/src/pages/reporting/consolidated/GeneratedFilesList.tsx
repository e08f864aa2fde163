import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Empty, Flex, List, Popover, Progress, Tag, Typography } from 'antd';
import { GENERATION_STATUS_LABELS, type GenerationJob } from '../../../../../shared/contracts/consolidated';
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
  // An agency's own report is made from the report itself, at the number of times it had been sent.
  if (job.kind === 'agency_report') {
    const n = job.sources[0]?.versionNo ?? 0;
    return <span>{n === 0 ? 'bản báo cáo chưa gửi' : `báo cáo đã gửi lần ${n}`}</span>;
  }
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

function JobRow({ job, fileUrl }: { job: GenerationJob; fileUrl: (jobId: number) => string }) {
  const who = job.requestedBy?.name ?? 'Không rõ người lập';
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap="wrap">
          <FileWordOutlined aria-hidden />
          {job.file ? (
            <a href={fileUrl(job.id)} download>
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

/**
 * Generated documents (of a period, a plan's reviews or an agency's report), newest first, each with who
 * made it, when and from what; `fileUrl` is where a job's file is downloaded.
 */
export function GeneratedFilesList({
  jobs,
  fileUrl,
  empty = 'Chưa lập báo cáo nào cho kỳ này.',
  label,
}: {
  jobs: GenerationJob[];
  fileUrl: (jobId: number) => string;
  empty?: string;
  /** The list's accessible name. */
  label?: string;
}) {
  if (jobs.length === 0) return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      aria-label={label}
      dataSource={jobs}
      rowKey="id"
      renderItem={(job) => <JobRow job={job} fileUrl={fileUrl} />}
    />
  );
}
