import { z } from 'zod';
import { ACTIONS } from '../domain/auth/permissions';
import { ROLES } from '../domain/auth/roles';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  organisationId: z.number().int(),
  organisationName: z.string(),
  mustChangePassword: z.boolean(),
});

/** What the client needs after login: who it is, what it may do, and the CSRF token to send back. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  permissions: z.array(z.enum(ACTIONS)),
  csrfToken: z.string(),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại'),
  newPassword: z.string().min(10, 'Mật khẩu mới phải có ít nhất 10 ký tự').max(200),
});

export const okResponseSchema = z.object({ ok: z.literal(true) });

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
