import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorFallback } from './ErrorFallback';
import { NotFoundPage } from './NotFoundPage';

/** Router-level catch-all: any error thrown while rendering a route ends here, never as a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // Kept in the console for whoever investigates; the page itself shows only the Vietnamese explanation.
  console.error(error);
  return <ErrorFallback error={error} />;
}
