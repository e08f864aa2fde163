export const ROLES = ['admin', 'coordinator', 'reporter', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  coordinator: 'Cán bộ tổng hợp',
  reporter: 'Cán bộ báo cáo của cơ quan',
  leader: 'Lãnh đạo',
};
