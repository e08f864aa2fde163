import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationListResponseSchema } from '../../../shared/contracts/notifications';
import { typedApi } from './typed';

export type NotificationList = z.infer<typeof notificationListResponseSchema>;

export const NOTIFICATIONS_KEY = 'notifications';

/** New reminders and review results should appear without a reload, but a minute's delay is fine. */
const POLL_MS = 60_000;

export function useNotifications(filter: { unreadOnly: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, filter],
    queryFn: ({ signal }) =>
      typedApi.get('/api/notifications', {
        query: {
          unreadOnly: filter.unreadOnly ? 'true' : 'false',
          page: filter.page,
          pageSize: filter.pageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      id === 'all'
        ? typedApi.post('/api/notifications/read-all')
        : typedApi.post('/api/notifications/{id}/read', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] }),
  });
}

/**
 * The server writes links in its own English form ("/reports/12", also used in e-mails); the app's
 * addresses are Vietnamese. Unknown links are passed through as they are.
 */
export function clientLinkOf(link: string | null): string | null {
  if (!link) return null;
  const report = /^\/reports\/(\d+)$/.exec(link);
  if (report) return `/bao-cao/${report[1]}`;
  return link;
}
