import { Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCurrentSession } from '../auth/SessionContext';
import { visibleNavItems } from './navigation';
import { UserPanel } from './UserPanel';

/** The first path segment decides the highlighted menu item, so detail pages keep their section lit. */
function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}

export function AppLayout() {
  const { permissions } = useCurrentSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
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
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: collapsed ? '16px 8px' : '16px 24px', textAlign: collapsed ? 'center' : 'left' }}>
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
            selectedKeys={[selectedKey(location.pathname)]}
            items={items}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            height: 'auto',
            minHeight: 64,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <UserPanel />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
