import { Card, Empty, List, Typography } from 'antd';
import { type DirectiveTarget, useDirectives } from '../../api/reporting';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { AddDirectiveForm } from './AddDirectiveForm';
import { DirectiveDelivery } from './DirectiveDelivery';

interface Props {
  target: DirectiveTarget;
  /** From the API's abilities (report.can.direct) or the leader's permission on task pages. */
  canWrite: boolean;
  title?: string;
}

/** Leaders' directives (ý kiến chỉ đạo), newest first, with the form to add one when allowed. */
export function DirectivesPanel({ target, canWrite, title = 'Ý kiến chỉ đạo' }: Props) {
  const directives = useDirectives(target);
  const items = directives.data?.items ?? [];
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      {directives.isError && (
        <QueryErrorAlert error={directives.error} onRetry={() => void directives.refetch()} />
      )}
      <List
        loading={directives.isPending}
        dataSource={items}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến chỉ đạo." />,
        }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {d.author.name}{' '}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    — {d.authorOrganisation}, {formatDateTime(d.createdAt)}
                  </Typography.Text>
                </>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{d.text}</div>
                  <DirectiveDelivery delivery={d.delivery} />
                </>
              }
            />
          </List.Item>
        )}
      />
      {canWrite && <AddDirectiveForm target={target} />}
    </Card>
  );
}
