import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
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
