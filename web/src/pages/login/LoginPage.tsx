import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { type LoginRequest, loginRequestSchema } from '../../../../shared/contracts/auth';
import { errorMessageOf } from '../../api/ApiError';
import { useLogin, useSessionQuery } from '../../api/session';
import type { LoginRedirectState } from '../../auth/RequireAuth';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { zodRule } from '../../lib/forms';
import { usePageTitle } from '../../lib/usePageTitle';

/** Only same-site paths are followed after login, never a full URL smuggled into the state. */
function safeTarget(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/dang-nhap'
    ? from
    : '/';
}

export function LoginPage() {
  usePageTitle('Đăng nhập');
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const login = useLogin();
  const target = safeTarget(location.state);

  if (session.isPending) return <FullPageSpinner />;
  if (session.data) return <Navigate to={target} replace />;

  const submit = (values: LoginRequest) => {
    login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });
  };

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
          planwatch
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          Hệ thống theo dõi, đôn đốc thực hiện kế hoạch của UBND tỉnh
        </Typography.Paragraph>
        {/* Someone sent here from a page (or whose session expired) learns why the login form appeared. */}
        {!login.isError && target !== '/' && (
          <Alert type="info" showIcon title="Vui lòng đăng nhập để tiếp tục." style={{ marginBottom: 16 }} />
        )}
        {login.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessageOf(login.error)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<LoginRequest>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[zodRule(loginRequestSchema.shape.username)]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[zodRule(loginRequestSchema.shape.password)]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
