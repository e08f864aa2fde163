import type { ReactNode } from 'react';
import type { Action } from '../../../shared/domain/auth/permissions';
import { APP_ROUTES, routePath } from './routes';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Without it everyone logged in sees the item. */
  permission?: Action;
  /** One line for the home page card. */
  description: string;
}

/**
 * The side menu and the home page shortcuts: the routes of APP_ROUTES that have a menu entry. The same
 * table gives the router each page's permission guard, so a menu item never leads to a 403 page.
 */
export const NAV_ITEMS: readonly NavItem[] = APP_ROUTES.flatMap((route) =>
  route.menu ? [{ path: routePath(route), permission: route.permission, ...route.menu }] : [],
);

export function visibleNavItems(permissions: readonly Action[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
