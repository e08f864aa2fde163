import { Grid, Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCurrentSession } from '../auth/SessionContext';
import { NotificationBell } from '../pages/reporting/NotificationBell';
import { HeaderSearch } from './HeaderSearch';
import { visibleNavItems } from './navigation';
import { UserPanel } from './UserPanel';

/**
 * The menu item whose path is the longest prefix of the address, so detail pages keep their section lit
 * ("/ke-hoach/5/nhiem-vu" lights "Kế hoạch", "/ke-hoach/nhap/3" lights "Nhập kế hoạch").
 */
function selectedKey(pathname: string, paths: readonly string[]): string {
  const within = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return paths.filter(within).sort((a, b) => b.length - a.length)[0] ?? '';
}

export function AppLayout() {
  const { permissions } = useCurrentSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const gutter = Grid.useBreakpoint().md ? 24 : 12;
  const items = visibleNavItems(permissions).map((item) => ({
    key: item.path,
    icon: item.icon,
    // Real links, so the menu also works with middle-click and "open in new tab".
    label: <Link to={item.path}>{item.label}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={232}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        // Sticky: on long tables the menu stays in view instead of scrolling away.
        style={{
          borderRight: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
      >
        <div
          style={{ padding: collapsed ? '16px 8px' : '16px 24px', textAlign: collapsed ? 'center' : 'left' }}
        >
          <Typography.Title level={4} style={{ margin: 0, color: '#1677ff' }}>
            {collapsed ? 'pw' : 'planwatch'}
          </Typography.Title>
          {!collapsed && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Theo dõi thực hiện kế hoạch
            </Typography.Text>
          )}
        </div>
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
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: `0 ${gutter}px`,
            height: 'auto',
            minHeight: 64,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <HeaderSearch />
          <NotificationBell />
          <UserPanel />
        </Layout.Header>
        <Layout.Content style={{ padding: gutter, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
