import { Typography } from 'antd';
import { useCan } from '../../auth/SessionContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { PendingValuesQueue } from '../indicators/PendingValuesQueue';
import { MyAgencyReports } from './MyAgencyReports';
import { ReviewQueue } from './ReviewQueue';

/** What needs doing now: reports the agency owes (reporters), reports waiting for review (coordinators). */
export function MyWorkPage() {
  usePageTitle('Việc của tôi');
  const writes = useCan('reports.write');
  const reviews = useCan('reports.review');
  const acceptsValues = useCan('indicators.manage');
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Việc của tôi
      </Typography.Title>
      {reviews && <ReviewQueue />}
      {acceptsValues && <PendingValuesQueue />}
      {writes && <MyAgencyReports />}
      {!writes && !reviews && (
        <Typography.Paragraph type="secondary">
          Tài khoản của bạn không trực tiếp soạn hay tiếp nhận báo cáo. Hãy xem tình hình báo cáo ở mục “Tỷ lệ
          báo cáo” và ý kiến chỉ đạo tại từng nhiệm vụ.
        </Typography.Paragraph>
      )}
    </>
  );
}
