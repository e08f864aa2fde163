import { Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/auth/roles';

const OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function RoleSelect(props: { value?: Role; onChange?: (value: Role) => void; id?: string }) {
  return <Select<Role> {...props} options={OPTIONS} placeholder="Chọn vai trò" />;
}
