import { Badge, Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { APP_PATHS } from '../../../shared/domain/app-links';
import { usePendingTaskRequestCount } from '../api/taskRequests';
import { useCurrentSession } from '../auth/SessionContext';
import { visibleNavItems } from './navigation';

/** The count beside a menu label, read out as "3 đề nghị chờ duyệt" (a status: changes are announced). */
function MenuCount({ count, noun }: { count: number; noun: string }) {
  if (count <= 0) return null;
  const text = `${count.toLocaleString('vi-VN')} ${noun}`;
  return (
    <span role="status" aria-label={text} title={text} style={{ marginInlineStart: 8 }}>
      <Badge count={count} overflowCount={99} size="small" aria-hidden />
    </span>
  );
}

/**
 * The menu item whose path is the longest prefix of the address, so detail pages keep their section lit
 * ("/ke-hoach/5/nhiem-vu" lights "Kế hoạch", "/ke-hoach/nhap/3" lights "Nhập kế hoạch").
 */
function selectedKey(pathname: string, paths: readonly string[]): string {
  const within = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return paths.filter(within).sort((a, b) => b.length - a.length)[0] ?? '';
}

/**
 * The main menu, in the side bar (wide screens) or in the drawer (phones); `onNavigate` closes the drawer.
 * `collapsed`: the side bar shows icons only (chosen, or a tablet's width), so a count rides on the icon.
 */
export function MainMenu({
  onNavigate,
  collapsed = false,
}: {
  onNavigate?: () => void;
  collapsed?: boolean;
}) {
  const { permissions } = useCurrentSession();
  const location = useLocation();
  // Requests waiting for the user's decision: only for those who decide them (the queue's own scope).
  const pendingRequests = usePendingTaskRequestCount(permissions.includes('plans.revise'));
  const items = visibleNavItems(permissions).map((item) => ({
    key: item.path,
    // Collapsed, the label (and its count) shows only in the tooltip: a dot on the icon says there is one.
    icon:
      collapsed && item.path === APP_PATHS.taskRequests && pendingRequests > 0 ? (
        <Badge dot offset={[2, 2]}>
          {item.icon}
        </Badge>
      ) : (
        item.icon
      ),
    // Real links, so the menu also works with middle-click and "open in new tab".
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {item.label}
        {item.path === APP_PATHS.taskRequests && (
          <MenuCount count={pendingRequests} noun="đề nghị chờ duyệt" />
        )}
      </Link>
    ),
  }));
  return (
    <nav aria-label="Điều hướng chính">
      <Menu
        mode="inline"
        selectedKeys={[
          selectedKey(
            location.pathname,
            items.map((i) => i.key),
          ),
        ]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
