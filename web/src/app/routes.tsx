import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  InboxOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { APP_PATHS, type AppPage } from '../../../shared/domain/app-links';
import type { Action } from '../../../shared/domain/auth/permissions';
import { AuditPage } from '../pages/audit/AuditPage';
import { CalendarPage } from '../pages/calendar/CalendarPage';
import { HomePage } from '../pages/home/HomePage';
import { IndicatorDetailPage } from '../pages/indicators/IndicatorDetailPage';
import { PlanIndicatorsPage } from '../pages/indicators/PlanIndicatorsPage';
import { OrganisationsPage } from '../pages/organisations/OrganisationsPage';
import { HandMadePlanPage } from '../pages/plan-import/HandMadePlanPage';
import { PlanReviewPage } from '../pages/plan-import/PlanReviewPage';
import { PlanUploadPage } from '../pages/plan-import/PlanUploadPage';
import { AmendmentReviewPage } from '../pages/plans/amendments/AmendmentReviewPage';
import { PlanOverviewPage } from '../pages/plans/PlanOverviewPage';
import { PlansPage } from '../pages/plans/PlansPage';
import { PlanTaskPage } from '../pages/plans/PlanTaskPage';
import { PlanTasksPage } from '../pages/plans/PlanTasksPage';
import { TaskRequestsPage } from '../pages/plans/requests/TaskRequestsPage';
import { ReorganisationsPage } from '../pages/reorganisations/ReorganisationsPage';
import { MyWorkPage } from '../pages/reporting/MyWorkPage';
import { NotificationsPage } from '../pages/reporting/NotificationsPage';
import { PlanPeriodsPage } from '../pages/reporting/PlanPeriodsPage';
import { ReportInboxPage } from '../pages/reporting/ReportInboxPage';
import { ReportingRatesPage } from '../pages/reporting/ReportingRatesPage';
import { ReportPage } from '../pages/reporting/ReportPage';
import { SearchPage } from '../pages/search/SearchPage';
import { UsersPage } from '../pages/users/UsersPage';

export interface MenuEntry {
  label: string;
  icon: ReactNode;
  /** One line for the home page card. */
  description: string;
}

export interface AppRoute {
  /** Which page of shared/domain/app-links.ts this is; its path comes from there. */
  name: AppPage;
  page: ComponentType;
  /** Without it everyone logged in may open the page. */
  permission?: Action;
  /** Pages listed in the side menu and as home page cards, in this order. */
  menu?: MenuEntry;
}

/**
 * Every page behind the login, in one table: the router (router.tsx) mounts each with its permission
 * guard, and the side menu and home page cards (navigation.tsx) list the entries that have `menu`.
 */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    name: 'home',
    page: HomePage,
    menu: {
      label: 'Tổng quan',
      icon: <HomeOutlined />,
      description: 'Thông tin tài khoản và các chức năng bạn được sử dụng.',
    },
  },
  {
    // Right after the overview, so it is a reporter's first card on the home page.
    name: 'myWork',
    page: MyWorkPage,
    permission: 'reports.read',
    menu: {
      label: 'Việc của tôi',
      icon: <ScheduleOutlined />,
      description: 'Báo cáo cơ quan cần gửi, hạn nộp, nhiệm vụ chủ trì, phối hợp và ý kiến chỉ đạo.',
    },
  },
  {
    name: 'plans',
    page: PlansPage,
    permission: 'plans.read',
    menu: {
      label: 'Kế hoạch',
      icon: <FileTextOutlined />,
      description: 'Kế hoạch của UBND tỉnh: mục tiêu, chế độ báo cáo, phân công và danh sách nhiệm vụ.',
    },
  },
  {
    name: 'calendar',
    page: CalendarPage,
    permission: 'plans.read',
    menu: {
      label: 'Lịch hạn',
      icon: <CalendarOutlined />,
      description: 'Hạn nhiệm vụ và hạn nộp báo cáo theo tháng, lọc theo cơ quan.',
    },
  },
  {
    // Static "nhap" outranks ":planId" in the router, so the upload page is never read as a plan id.
    name: 'planUpload',
    page: PlanUploadPage,
    permission: 'plans.import',
    menu: {
      label: 'Nhập kế hoạch',
      icon: <FileAddOutlined />,
      description: 'Tải lên văn bản kế hoạch (.docx, .txt), kiểm tra bản nháp đọc được rồi xác nhận.',
    },
  },
  {
    name: 'reportInbox',
    page: ReportInboxPage,
    permission: 'reports.monitor',
    menu: {
      label: 'Báo cáo các cơ quan',
      icon: <InboxOutlined />,
      description: 'Báo cáo các cơ quan đã gửi: xem, so sánh các lần gửi, chấp nhận hoặc trả lại.',
    },
  },
  {
    name: 'taskRequests',
    page: TaskRequestsPage,
    permission: 'plans.revise',
    menu: {
      label: 'Đề nghị chờ duyệt',
      icon: <FieldTimeOutlined />,
      description: 'Đề nghị gia hạn, chuyển cơ quan chủ trì nhiệm vụ của các cơ quan: chấp thuận hoặc không.',
    },
  },
  {
    name: 'reportingRates',
    page: ReportingRatesPage,
    permission: 'reports.monitor',
    menu: {
      label: 'Tỷ lệ báo cáo',
      icon: <BarChartOutlined />,
      description: 'Tỷ lệ cơ quan đã gửi, gửi đúng hạn và được tiếp nhận, theo kỳ và theo cơ quan.',
    },
  },
  {
    name: 'users',
    page: UsersPage,
    permission: 'users.read',
    menu: {
      label: 'Người dùng',
      icon: <TeamOutlined />,
      description: 'Tài khoản cán bộ của các cơ quan: thêm mới, phân vai trò, khóa và đặt lại mật khẩu.',
    },
  },
  {
    name: 'organisations',
    page: OrganisationsPage,
    permission: 'organisations.read',
    menu: {
      label: 'Cơ quan, đơn vị',
      icon: <ApartmentOutlined />,
      description: 'Danh mục cơ quan, đơn vị theo thời gian hiệu lực, sáp nhập và các nhóm cơ quan.',
    },
  },
  {
    name: 'reorganisations',
    page: ReorganisationsPage,
    permission: 'organisations.reorganise',
    menu: {
      label: 'Sắp xếp tổ chức',
      icon: <ClusterOutlined />,
      description:
        'Hợp nhất, chia tách, đổi tên, giải thể cơ quan: xem trước việc chuyển giao, áp dụng, hoàn tác.',
    },
  },
  {
    name: 'audit',
    page: AuditPage,
    permission: 'audit.read',
    menu: {
      label: 'Nhật ký thay đổi',
      icon: <AuditOutlined />,
      description: 'Ai đã làm gì, khi nào: đăng nhập, thay đổi tài khoản và danh mục.',
    },
  },
  { name: 'planReview', page: PlanReviewPage, permission: 'plans.import' },
  { name: 'planNew', page: HandMadePlanPage, permission: 'plans.create' },
  { name: 'plan', page: PlanOverviewPage, permission: 'plans.read' },
  { name: 'planTasks', page: PlanTasksPage, permission: 'plans.read' },
  { name: 'planTask', page: PlanTaskPage, permission: 'plans.read' },
  { name: 'planAmendment', page: AmendmentReviewPage, permission: 'plans.revise' },
  { name: 'planPeriods', page: PlanPeriodsPage, permission: 'reports.monitor' },
  { name: 'planIndicators', page: PlanIndicatorsPage, permission: 'plans.read' },
  { name: 'indicator', page: IndicatorDetailPage, permission: 'plans.read' },
  { name: 'report', page: ReportPage, permission: 'reports.read' },
  { name: 'notifications', page: NotificationsPage },
  { name: 'search', page: SearchPage, permission: 'plans.read' },
];

export const routePath = (route: AppRoute): string => APP_PATHS[route.name];
