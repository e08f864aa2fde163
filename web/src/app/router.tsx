import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { RequirePermission } from '../auth/RequirePermission';
import { AuditPage } from '../pages/audit/AuditPage';
import { NotFoundPage } from '../pages/errors/NotFoundPage';
import { RouteErrorPage } from '../pages/errors/RouteErrorPage';
import { HomePage } from '../pages/home/HomePage';
import { IndicatorDetailPage } from '../pages/indicators/IndicatorDetailPage';
import { PlanIndicatorsPage } from '../pages/indicators/PlanIndicatorsPage';
import { LoginPage } from '../pages/login/LoginPage';
import { OrganisationsPage } from '../pages/organisations/OrganisationsPage';
import { PlanReviewPage } from '../pages/plan-import/PlanReviewPage';
import { PlanUploadPage } from '../pages/plan-import/PlanUploadPage';
import { PlanOverviewPage } from '../pages/plans/PlanOverviewPage';
import { PlansPage } from '../pages/plans/PlansPage';
import { PlanTaskPage } from '../pages/plans/PlanTaskPage';
import { PlanTasksPage } from '../pages/plans/PlanTasksPage';
import { MyWorkPage } from '../pages/reporting/MyWorkPage';
import { NotificationsPage } from '../pages/reporting/NotificationsPage';
import { PlanPeriodsPage } from '../pages/reporting/PlanPeriodsPage';
import { ReportInboxPage } from '../pages/reporting/ReportInboxPage';
import { ReportingRatesPage } from '../pages/reporting/ReportingRatesPage';
import { ReportPage } from '../pages/reporting/ReportPage';
import { UsersPage } from '../pages/users/UsersPage';
import { AppLayout } from './AppLayout';

/** Vietnamese paths, as users read and share them. Guards sit on the routes, menus only mirror them. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/dang-nhap', element: <LoginPage />, errorElement: <RouteErrorPage /> },
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
                { index: true, element: <HomePage /> },
                {
                  path: 'nguoi-dung',
                  element: (
                    <RequirePermission action="users.read">
                      <UsersPage />
                    </RequirePermission>
                  ),
                },
                {
                  path: 'co-quan',
                  element: (
                    <RequirePermission action="organisations.read">
                      <OrganisationsPage />
                    </RequirePermission>
                  ),
                },
                {
                  path: 'ke-hoach',
                  children: [
                    {
                      index: true,
                      element: (
                        <RequirePermission action="plans.read">
                          <PlansPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      // Static "nhap" outranks ":planId", so the upload page is never read as a plan id.
                      path: 'nhap',
                      element: (
                        <RequirePermission action="plans.import">
                          <PlanUploadPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: 'nhap/:importId',
                      element: (
                        <RequirePermission action="plans.import">
                          <PlanReviewPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId',
                      element: (
                        <RequirePermission action="plans.read">
                          <PlanOverviewPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId/nhiem-vu',
                      element: (
                        <RequirePermission action="plans.read">
                          <PlanTasksPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId/nhiem-vu/:taskId',
                      element: (
                        <RequirePermission action="plans.read">
                          <PlanTaskPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId/ky-bao-cao',
                      element: (
                        <RequirePermission action="reports.monitor">
                          <PlanPeriodsPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId/chi-tieu',
                      element: (
                        <RequirePermission action="plans.read">
                          <PlanIndicatorsPage />
                        </RequirePermission>
                      ),
                    },
                    {
                      path: ':planId/chi-tieu/:indicatorId',
                      element: (
                        <RequirePermission action="plans.read">
                          <IndicatorDetailPage />
                        </RequirePermission>
                      ),
                    },
                  ],
                },
                {
                  path: 'viec-cua-toi',
                  element: (
                    <RequirePermission action="reports.read">
                      <MyWorkPage />
                    </RequirePermission>
                  ),
                },
                {
                  path: 'bao-cao',
                  element: (
                    <RequirePermission action="reports.monitor">
                      <ReportInboxPage />
                    </RequirePermission>
                  ),
                },
                {
                  path: 'bao-cao/:reportId',
                  element: (
                    <RequirePermission action="reports.read">
                      <ReportPage />
                    </RequirePermission>
                  ),
                },
                {
                  path: 'ty-le-bao-cao',
                  element: (
                    <RequirePermission action="reports.monitor">
                      <ReportingRatesPage />
                    </RequirePermission>
                  ),
                },
                { path: 'thong-bao', element: <NotificationsPage /> },
                {
                  path: 'nhat-ky',
                  element: (
                    <RequirePermission action="audit.read">
                      <AuditPage />
                    </RequirePermission>
                  ),
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
