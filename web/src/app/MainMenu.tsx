import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentSession } from '../auth/SessionContext';
import { visibleNavItems } from './navigation';

/**
 * The menu item whose path is the longest prefix of the address, so detail pages keep their section lit
 * ("/ke-hoach/5/nhiem-vu" lights "Kế hoạch", "/ke-hoach/nhap/3" lights "Nhập kế hoạch").
 */
function selectedKey(pathname: string, paths: readonly string[]): string {
  const within = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return paths.filter(within).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The main menu, in the side bar (wide screens) or in the drawer (phones); `onNavigate` closes the drawer. */
export function MainMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { permissions } = useCurrentSession();
  const location = useLocation();
  const items = visibleNavItems(permissions).map((item) => ({
    key: item.path,
    icon: item.icon,
    // Real links, so the menu also works with middle-click and "open in new tab".
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {item.label}
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
