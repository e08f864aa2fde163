import { Button } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useHandMadeDraft } from '../../api/plan-drafts';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ReviewWorkspace } from './ReviewWorkspace';

function HandMadePlan({ draftId }: { draftId: number }) {
  usePageTitle('Tạo kế hoạch mới');
  const draft = useHandMadeDraft(draftId);
  if (draft.data) return <ReviewWorkspace imp={draft.data} reload={() => draft.refetch()} />;
  if (draft.isError) {
    return (
      <LoadFailedResult
        error={draft.error}
        onRetry={() => void draft.refetch()}
        back={
          <Link to="/ke-hoach">
            <Button type="primary">Về danh sách kế hoạch</Button>
          </Link>
        }
      />
    );
  }
  return <FullPageSpinner tip="Đang tải bản nháp…" />;
}

/** A plan entered by hand: the same review workspace as an import, on a draft with no document. */
export function HandMadePlanPage() {
  const draftId = idParam(useParams().draftId);
  return draftId === null ? <NotFoundPage /> : <HandMadePlan key={draftId} draftId={draftId} />;
}
