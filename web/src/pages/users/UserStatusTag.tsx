import { Tag } from 'antd';

export function UserStatusTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>;
}
