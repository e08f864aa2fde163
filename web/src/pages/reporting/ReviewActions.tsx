import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import type { ReportSummary } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { useAcceptReport } from '../../api/reporting';
import { ReturnReportModal } from './ReturnReportModal';

type Reviewable = Pick<ReportSummary, 'id' | 'version' | 'organisation'>;

/** "Chấp nhận" and "Trả lại" for a submitted report; the caller shows them only when review is allowed. */
export function ReviewActions({ report, size }: { report: Reviewable; size?: 'small' | 'middle' }) {
  const { message, modal } = App.useApp();
  const accept = useAcceptReport();
  const [returning, setReturning] = useState<Reviewable | null>(null);

  const confirmAccept = () =>
    modal.confirm({
      title: 'Chấp nhận báo cáo?',
      content: `Mọi nhiệm vụ đang chờ xem xét trong báo cáo của ${report.organisation.name} được chấp nhận; báo cáo được tiếp nhận và khóa lại. Nhiệm vụ đã trả lại riêng (nếu có) vẫn chờ cơ quan gửi lại.`,
      okText: 'Chấp nhận',
      cancelText: 'Hủy',
      onOk: () =>
        accept
          .mutateAsync({ reportId: report.id, version: report.version })
          .then((r) =>
            message.success(
              r.state === 'accepted'
                ? `Đã tiếp nhận báo cáo của ${report.organisation.name}.`
                : 'Đã chấp nhận các nhiệm vụ đang chờ; báo cáo chờ cơ quan gửi lại nhiệm vụ bị trả lại.',
            ),
          )
          .catch((error: unknown) => {
            message.error(errorMessageOf(error));
          }),
    });

  return (
    <Flex gap={8} wrap="wrap">
      <Button
        type="primary"
        size={size}
        icon={<CheckOutlined />}
        loading={accept.isPending}
        // Named for the whole report: each task of a sent report has its own "Chấp nhận nhiệm vụ …".
        aria-label="Chấp nhận báo cáo"
        onClick={confirmAccept}
      >
        Chấp nhận
      </Button>
      <Button
        danger
        size={size}
        icon={<RollbackOutlined />}
        aria-label="Trả lại báo cáo"
        onClick={() => setReturning(report)}
      >
        Trả lại
      </Button>
      <ReturnReportModal report={returning} onClose={() => setReturning(null)} />
    </Flex>
  );
}
