import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  InboxOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Action } from '../../../shared/domain/auth/permissions';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Without it everyone logged in sees the item. */
  permission?: Action;
  /** One line for the home page card. */
  description: string;
}

/** One list drives the side menu, the home page shortcuts and the route guards, so they cannot disagree. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/',
    label: 'Tổng quan',
    icon: <HomeOutlined />,
    description: 'Thông tin tài khoản và các chức năng bạn được sử dụng.',
  },
  {
    // Right after the overview, so it is a reporter's first card on the home page.
    path: '/viec-cua-toi',
    label: 'Việc của tôi',
    icon: <ScheduleOutlined />,
    permission: 'reports.read',
    description: 'Báo cáo cơ quan cần gửi, hạn nộp, nhiệm vụ chủ trì, phối hợp và ý kiến chỉ đạo.',
  },
  {
    path: '/ke-hoach',
    label: 'Kế hoạch',
    icon: <FileTextOutlined />,
    permission: 'plans.read',
    description: 'Kế hoạch của UBND tỉnh: mục tiêu, chế độ báo cáo, phân công và danh sách nhiệm vụ.',
  },
  {
    path: '/ke-hoach/nhap',
    label: 'Nhập kế hoạch',
    icon: <FileAddOutlined />,
    permission: 'plans.import',
    description: 'Tải lên văn bản kế hoạch (.docx, .txt), kiểm tra bản nháp đọc được rồi xác nhận.',
  },
  {
    path: '/bao-cao',
    label: 'Báo cáo các cơ quan',
    icon: <InboxOutlined />,
    permission: 'reports.monitor',
    description: 'Báo cáo các cơ quan đã gửi: xem, so sánh các lần gửi, chấp nhận hoặc trả lại.',
  },
  {
    path: '/ty-le-bao-cao',
    label: 'Tỷ lệ báo cáo',
    icon: <BarChartOutlined />,
    permission: 'reports.monitor',
    description: 'Tỷ lệ cơ quan đã gửi, gửi đúng hạn và được tiếp nhận, theo kỳ và theo cơ quan.',
  },
  {
    path: '/nguoi-dung',
    label: 'Người dùng',
    icon: <TeamOutlined />,
    permission: 'users.read',
    description: 'Tài khoản cán bộ của các cơ quan: thêm mới, phân vai trò, khóa và đặt lại mật khẩu.',
  },
  {
    path: '/co-quan',
    label: 'Cơ quan, đơn vị',
    icon: <ApartmentOutlined />,
    permission: 'organisations.read',
    description: 'Danh mục cơ quan, đơn vị theo thời gian hiệu lực, sáp nhập và các nhóm cơ quan.',
  },
  {
    path: '/nhat-ky',
    label: 'Nhật ký thay đổi',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    description: 'Ai đã làm gì, khi nào: đăng nhập, thay đổi tài khoản và danh mục.',
  },
];

export function visibleNavItems(permissions: readonly Action[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
