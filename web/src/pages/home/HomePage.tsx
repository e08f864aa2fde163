import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '../../../../shared/domain/auth/roles';
import { visibleNavItems } from '../../app/navigation';
import { useCan, useCurrentSession } from '../../auth/SessionContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { DashboardPage } from '../dashboard/DashboardPage';
import { MyWorkHomeCard } from '../reporting/MyWorkHomeCard';

/** Leaders and coordinators open on the dashboard; everyone else on their account and shortcuts. */
export function HomePage() {
  return useCan('reports.monitor') ? <DashboardPage /> : <AccountHome />;
}

function AccountHome() {
  usePageTitle('Tổng quan');
  const { user, permissions } = useCurrentSession();
  const shortcuts = visibleNavItems(permissions).filter((item) => item.path !== '/');

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Tổng quan
      </Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Xin chào, {user.fullName}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'role', label: 'Vai trò', children: ROLE_LABELS[user.role] },
            { key: 'org', label: 'Cơ quan', children: user.organisationName },
            { key: 'username', label: 'Tên đăng nhập', children: user.username },
          ]}
        />
      </Card>
      <MyWorkHomeCard />
      <Typography.Title level={4}>Bạn có thể</Typography.Title>
      {shortcuts.length === 0 ? (
        <Typography.Paragraph type="secondary">
          Tài khoản của bạn chưa được giao chức năng nào khác. Các chức năng theo dõi kế hoạch sẽ xuất hiện
          tại đây khi được mở.
        </Typography.Paragraph>
      ) : (
        <Row gutter={[16, 16]}>
          {shortcuts.map((item) => (
            <Col key={item.path} xs={24} md={12} xl={8}>
              <Link to={item.path} aria-label={`Mở trang ${item.label}`}>
                <Card hoverable style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: '#1677ff' }}>{item.icon}</span>}
                    title={item.label}
                    description={item.description}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
