import { Navigate, useParams } from 'react-router-dom';
import { idParam } from '../../lib/routeParams';
import { NotFoundPage } from '../errors/NotFoundPage';

/** The server's notification links ("/reports/12", also in e-mails) lead to the Vietnamese address. */
export function ReportRedirect() {
  const id = idParam(useParams().reportId);
  return id === null ? <NotFoundPage /> : <Navigate to={`/bao-cao/${id}`} replace />;
}
