import { createBrowserRouter } from 'react-router-dom';
import { APP_PATHS } from '../../../shared/domain/app-links';
import { RequireAuth } from '../auth/RequireAuth';
import { RequirePermission } from '../auth/RequirePermission';
import { NotFoundPage } from '../pages/errors/NotFoundPage';
import { RouteErrorPage } from '../pages/errors/RouteErrorPage';
import { LoginPage } from '../pages/login/LoginPage';
import { PublicPlanPage } from '../pages/public/PublicPlanPage';
import { AppLayout } from './AppLayout';
import { APP_ROUTES, routePath } from './routes';

/**
 * Vietnamese paths, as users read and share them. Every page and its permission guard comes from the
 * route table (routes.tsx); the menu is drawn from the same table.
 */
export function createAppRouter() {
  return createBrowserRouter([
    { path: APP_PATHS.login, element: <LoginPage />, errorElement: <RouteErrorPage /> },
    // Read without signing in, outside the signed-in layout (no menu, no session needed).
    { path: APP_PATHS.publicPlan, element: <PublicPlanPage />, errorElement: <RouteErrorPage /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <AppLayout />,
          children: [
            {
              // Errors inside a page keep the menu and header, so the user can simply go elsewhere.
              errorElement: <RouteErrorPage />,
              children: [
                ...APP_ROUTES.map((route) => ({
                  path: routePath(route),
                  element: route.permission ? (
                    <RequirePermission action={route.permission}>
                      <route.page />
                    </RequirePermission>
                  ) : (
                    <route.page />
                  ),
                })),
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
