import { Button } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { usePlanImport } from '../../api/plan-import';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ReviewWorkspace } from './ReviewWorkspace';

function PlanReview({ importId }: { importId: number }) {
  usePageTitle('Kiểm tra bản nháp kế hoạch');
  const imp = usePlanImport(importId);
  // A failed reload keeps the draft on screen (with the officer's edits); only a first load can fail here.
  if (imp.data) return <ReviewWorkspace imp={imp.data} reload={() => imp.refetch()} />;
  if (imp.isError) {
    return (
      <LoadFailedResult
        error={imp.error}
        onRetry={() => void imp.refetch()}
        back={
          <Link to="/ke-hoach/nhap">
            <Button type="primary">Nhập văn bản khác</Button>
          </Link>
        }
      />
    );
  }
  return <FullPageSpinner tip="Đang tải bản nháp…" />;
}

export function PlanReviewPage() {
  const importId = idParam(useParams().importId);
  // Keyed by id: another draft is another review, and must not inherit this one's unsaved edits.
  return importId === null ? <NotFoundPage /> : <PlanReview key={importId} importId={importId} />;
}
