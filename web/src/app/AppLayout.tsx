import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Outlet } from 'react-router-dom';
import { NotificationBell } from '../pages/reporting/NotificationBell';
import { HeaderSearch } from './HeaderSearch';
import { MainMenu } from './MainMenu';
import { UserPanel } from './UserPanel';

function Brand({ short }: { short: boolean }) {
  return (
    <div style={{ padding: short ? '16px 8px' : '16px 24px', textAlign: short ? 'center' : 'left' }}>
      <Typography.Title level={4} style={{ margin: 0, color: '#1677ff' }}>
        {short ? 'pw' : 'planwatch'}
      </Typography.Title>
      {!short && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Theo dõi thực hiện kế hoạch
        </Typography.Text>
      )}
    </div>
  );
}

export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  const gutter = screens.md ? 24 : 12;
  // Below md (a phone) the side bar would take a third of the width: the menu opens as a drawer instead.
  const phone = screens.md === false;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title="planwatch"
          styles={{ body: { padding: 0 } }}
        >
          <MainMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
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
          <Brand short={collapsed} />
          <MainMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
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
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="Mở menu"
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              style={{ marginInlineEnd: 'auto' }}
            />
          )}
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
