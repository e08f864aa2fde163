import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanImport } from '../../../../shared/contracts/plan-import';

interface Props {
  imp: PlanImport;
  conflict: string | null;
  onReload: () => void;
}

/** Whatever stops normal work on the draft, said first and plainly: duplicate, finished, or a save conflict. */
export function ReviewStatusAlerts({ imp, conflict, onReload }: Props) {
  const dup = imp.duplicateOf;
  return (
    <>
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={conflict}
          description="Tải lại sẽ bỏ các thay đổi chưa lưu của bạn trên trang này."
          action={
            <Button size="small" danger onClick={onReload}>
              Tải lại
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {dup && imp.status === 'draft' && (
        <Alert
          type="error"
          showIcon
          title={`Văn bản này đã được nhập thành kế hoạch ${dup.number ?? ''} — ${dup.title}`}
          description="Không thể xác nhận nhập lần nữa. Hãy mở kế hoạch đã có, hoặc hủy bản nháp này."
          action={
            <Link to={`/ke-hoach/${dup.planId}`}>
              <Button size="small">Mở kế hoạch {dup.number ?? ''}</Button>
            </Link>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {imp.status === 'draft' && imp.registryWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="Có nhóm cơ quan không gồm cơ quan nào trong danh mục"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {imp.registryWarnings.map((w) => (
                <li key={w.message}>{w.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {imp.status === 'confirmed' && (
        <Alert
          type="success"
          showIcon
          title="Bản nháp này đã được xác nhận thành kế hoạch; trang chỉ còn để xem."
          action={
            imp.planId !== null ? (
              <Link to={`/ke-hoach/${imp.planId}`}>
                <Button size="small" type="primary">
                  Mở kế hoạch
                </Button>
              </Link>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {imp.status === 'discarded' && (
        <Alert
          type="warning"
          showIcon
          title="Bản nháp này đã bị hủy; trang chỉ còn để xem."
          action={
            <Link to="/ke-hoach/nhap">
              <Button size="small">Nhập văn bản khác</Button>
            </Link>
          }
          style={{ marginBottom: 12 }}
        />
      )}
    </>
  );
}
