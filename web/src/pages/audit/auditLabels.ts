/**
 * Vietnamese names for the audit codes the server writes. Unknown codes are shown as they are, so a new
 * server-side action never disappears from the log just because the client has no label for it yet.
 */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'user.created': 'Thêm người dùng',
  'user.updated': 'Sửa người dùng',
  'user.password_changed': 'Đổi mật khẩu',
  'user.password_reset': 'Đặt lại mật khẩu',
  'organisation.created': 'Thêm cơ quan',
  'organisation.updated': 'Sửa cơ quan',
  'plan.created': 'Tạo kế hoạch',
  'plan_import.created': 'Tải lên văn bản kế hoạch',
  'plan_import.edited': 'Chỉnh sửa bản nhập kế hoạch',
  'plan_import.discarded': 'Hủy bản nhập kế hoạch',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: 'Người dùng',
  organisation: 'Cơ quan',
  plan: 'Kế hoạch',
  plan_import: 'Bản nhập kế hoạch',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entity: string, entityId: string | null): string {
  const name = ENTITY_LABELS[entity] ?? entity;
  return entityId ? `${name} #${entityId}` : name;
}
