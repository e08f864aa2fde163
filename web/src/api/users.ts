import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest } from '../../../shared/contracts/users';
import { typedApi } from './typed';

export interface UserListFilter {
  q?: string;
  organisationId?: number;
  page: number;
  pageSize: number;
}

const USERS_KEY = 'users';

/** `enabled: false` for pages that offer the list only to those who may read users. */
export function useUserList(filter: UserListFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [USERS_KEY, filter],
    queryFn: ({ signal }) => typedApi.get('/api/users', { query: filter, signal }),
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
    mutationFn: (input: CreateUserRequest) => typedApi.post('/api/users', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateUserRequest }) =>
      typedApi.patch('/api/users/{id}', { path: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      typedApi.post('/api/users/{id}/password', { path: { id }, body: { password } }),
  });
}
