import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { reportDataUrl } from '../../api/generatedDocuments';
import { useReport } from '../../api/reporting';
import { reportDocumentUrl } from '../../api/signed-scans';
import { useCan } from '../../auth/SessionContext';
import { AgencyChain } from '../../components/AgencyChain';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { PrintHeader } from '../../print/PrintHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { DirectivesPanel } from './DirectivesPanel';
import { ReportDocumentsPanel } from './ReportDocumentsPanel';
import { ReportEditForm } from './ReportEditForm';
import { ReportHeader } from './ReportHeader';
import { ReportReadOnly } from './ReportReadOnly';
import { ReportVersionsPanel } from './ReportVersionsPanel';
import { ReturnedReasonAlert } from './ReturnedReasonAlert';
import { ReviewActions } from './ReviewActions';
import { SignedScanPanel } from './SignedScanPanel';

function Report({ id }: { id: number }) {
  const report = useReport(id);
  const supervises = useCan('reports.monitor');
  // Coordinators and leaders come from the agencies' reports, reporters from their work list.
  const back = supervises
    ? { to: '/bao-cao', label: 'Báo cáo các cơ quan' }
    : { to: '/viec-cua-toi', label: 'Việc của tôi' };
  usePageTitle(report.data ? `Báo cáo — ${report.data.organisation.name}` : 'Báo cáo');

  const backButton = (
    <Link to={back.to}>
      <Button icon={<ArrowLeftOutlined />}>Về {back.label.toLowerCase()}</Button>
    </Link>
  );
  if (report.isPending) return <FullPageSpinner tip="Đang tải báo cáo…" />;
  if (report.isError) {
    return <LoadFailedResult error={report.error} onRetry={() => void report.refetch()} back={backButton} />;
  }
  const r = report.data;
  return (
    <>
      <PrintHeader plan={r.plan} what={`${r.period.title} — báo cáo của ${r.organisation.name}`} />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'back', title: <Link to={back.to}>{back.label}</Link> },
          { key: 'period', title: r.period.title },
          { key: 'agency', title: r.organisation.name },
        ]}
      />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Báo cáo của {r.organisation.name}
          </Typography.Title>
          {/* The report stays the agency's that made it; a merger since says where its work went. */}
          <AgencyChain chain={r.organisation.chain} lead="nay là" />
        </Flex>
        <Flex gap={8} wrap="wrap">
          {r.can.review && <ReviewActions report={r} />}
          <Button icon={<FileWordOutlined />} href={reportDocumentUrl(r.id)} download>
            Tải văn bản báo cáo (Word)
          </Button>
          <Button icon={<FileExcelOutlined />} href={reportDataUrl(r.id)} download>
            Tải số liệu (Excel)
          </Button>
          {backButton}
        </Flex>
      </Flex>
      <ReturnedReasonAlert report={r} />
      <ReportHeader report={r} />
      {/* Keyed on the state: after a submit or a return the form starts from the server's copy. */}
      {r.can.edit ? <ReportEditForm key={r.state} report={r} /> : <ReportReadOnly report={r} />}
      <ReportDocumentsPanel report={r} />
      <SignedScanPanel report={r} />
      {r.versionCount > 0 && <ReportVersionsPanel reportId={r.id} versionCount={r.versionCount} />}
      <DirectivesPanel target={{ kind: 'report', reportId: r.id }} canWrite={r.can.direct} />
    </>
  );
}

export function ReportPage() {
  const id = idParam(useParams().reportId);
  return id === null ? <NotFoundPage /> : <Report key={id} id={id} />;
}
