import { Alert, Button } from 'antd';
import type { UnsavedText } from './reportDraft';
import { UnsavedTextList } from './UnsavedTextList';

/** After a conflict reload: the user's lost text stays at the top of the form until they dismiss it. */
export function KeptTextsAlert({ items, onDismiss }: { items: UnsavedText[]; onDismiss: () => void }) {
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="Nội dung bạn đã nhập nhưng chưa được lưu"
      description={
        <>
          <p style={{ marginTop: 0 }}>
            Báo cáo đã được tải lại theo bản mới nhất. Hãy sao chép những đoạn cần giữ vào đúng ô bên dưới.
          </p>
          <UnsavedTextList items={items} />
        </>
      }
      action={
        <Button size="small" onClick={onDismiss}>
          Đã chép xong, ẩn đi
        </Button>
      }
    />
  );
}
