import { Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="Đổi mật khẩu" open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
