import { z } from 'zod';
import { ROLES } from '../domain/auth/roles';
import { idParamSchema, idSchema, pagedListSchema, pageSchema, pageSizeSchema } from './primitives';

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  organisationId: z.number().int(),
  organisationName: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const username = z
  .string()
  .trim()
  .min(3, 'Tên đăng nhập phải có ít nhất 3 ký tự')
  .max(50, 'Tên đăng nhập tối đa 50 ký tự')
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới');
const email = z.email('Địa chỉ thư điện tử không hợp lệ').nullable().optional();
const fullName = z.string().trim().min(1, 'Vui lòng nhập họ và tên').max(200);
const password = z.string().min(10, 'Mật khẩu phải có ít nhất 10 ký tự').max(200);

export const createUserRequestSchema = z.object({
  username,
  fullName,
  email,
  role: z.enum(ROLES, 'Vai trò không hợp lệ'),
  organisationId: idSchema,
  password,
});

export const updateUserRequestSchema = z.object({
  fullName: fullName.optional(),
  email,
  role: z.enum(ROLES, 'Vai trò không hợp lệ').optional(),
  organisationId: idSchema.optional(),
  active: z.boolean().optional(),
});

export const resetPasswordRequestSchema = z.object({ password });

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  organisationId: idParamSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});

export const userListResponseSchema = pagedListSchema(userSchema);

export const userIdParamsSchema = z.object({ id: idParamSchema });

export type User = z.infer<typeof userSchema>;
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
export type UserListResponse = z.infer<typeof userListResponseSchema>;
