import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PLAN_KIND_LABELS } from '../../../../shared/contracts/plan-draft';
import type { PlanDetail } from '../../../../shared/contracts/plans';
import { originalDocumentUrl } from '../../api/plan-import';
import { formatDate } from '../../lib/dates';
import { formatFileSize, shortHash } from '../../lib/numbers';
import { listTitle } from '../../lib/planLabels';
import { PlanPeriodsLink } from '../reporting/PlanPeriodsLink';
import { PlanPublication } from './PlanPublication';

/** The plan as a document: who issued it, when, on what basis, and the file it was read from. */
export function PlanHeader({ plan }: { plan: PlanDetail }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0, flex: '1 1 480px' }}>
          Kế hoạch {plan.number ?? '(chưa rõ số hiệu)'}
        </Typography.Title>
        <PlanPeriodsLink planId={plan.id} />
        <Link to={`/ke-hoach/${plan.id}/nhiem-vu`}>
          <Button type="primary" icon={<UnorderedListOutlined />}>
            Danh sách nhiệm vụ ({plan.taskCount})
          </Button>
        </Link>
      </Flex>
      <PlanPublication planId={plan.id} />
      <Typography.Paragraph style={{ fontSize: 16, marginTop: 12 }}>{listTitle(plan)}</Typography.Paragraph>
      <Descriptions
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'kind', label: 'Loại văn bản', children: PLAN_KIND_LABELS[plan.kind] },
          { key: 'number', label: 'Số hiệu', children: plan.number ?? 'Chưa rõ' },
          {
            key: 'issuedOn',
            label: 'Ngày ban hành',
            children: plan.issuedOn
              ? `${plan.place ? `${plan.place}, ` : ''}${formatDate(plan.issuedOn)}`
              : 'Chưa rõ',
          },
          // A row of its own: sharing one with the long basis list squeezed the name to a syllable per line.
          { key: 'issuer', label: 'Cơ quan ban hành', span: 'filled', children: plan.issuer ?? 'Chưa rõ' },
          {
            key: 'basis',
            label: 'Căn cứ',
            span: 'filled',
            children:
              plan.basis.length === 0 ? (
                <Typography.Text type="secondary">Văn bản không nêu căn cứ</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {plan.basis.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'document',
            label: 'Văn bản gốc',
            span: 'filled',
            children:
              plan.document && plan.importId !== null ? (
                <span>
                  <a href={originalDocumentUrl(plan.importId)} download={plan.document.filename}>
                    <DownloadOutlined /> {plan.document.filename}
                  </a>{' '}
                  <Typography.Text type="secondary">
                    ({formatFileSize(plan.document.size)}, mã SHA-256 {shortHash(plan.document.sha256)}…)
                  </Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">Không lưu tệp gốc</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
