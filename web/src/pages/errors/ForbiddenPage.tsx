import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

export function ForbiddenPage() {
  return (
    <Result
      status="403"
      title="Bạn không có quyền truy cập trang này"
      subTitle="Trang này dành cho người dùng có vai trò khác. Nếu bạn cần sử dụng, hãy liên hệ quản trị hệ thống."
      extra={
        <Link to="/">
          <Button type="primary">Về trang Tổng quan</Button>
        </Link>
      }
    />
  );
}
