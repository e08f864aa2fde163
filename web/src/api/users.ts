import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  UserListResponse,
} from '../../../shared/contracts/users';
import { api } from './client';

export interface UserListFilter {
  q?: string;
  organisationId?: number;
  page: number;
  pageSize: number;
}

const USERS_KEY = 'users';

export function useUserList(filter: UserListFilter) {
  return useQuery({
    queryKey: [USERS_KEY, filter],
    queryFn: ({ signal }) => api.get<UserListResponse>('/api/users', { ...filter }, signal),
    // Keep the old page visible while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api.post<User>('/api/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateUserRequest }) =>
      api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api.post<{ ok: true }>(`/api/users/${id}/password`, { password }),
  });
}
