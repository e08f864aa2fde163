import type { AuthUser } from '../../http/auth-state';
import { notFound } from '../../http/errors';

/**
 * Whose notifications a user reads and marks, in one place: only their own (notifications.user_id).
 * The SQL of the list, the unread count and "mark all read" filter by `notificationOwner`; marking
 * one notification checks it with `assertOwnNotification`. Another user's notification is hidden
 * (404), not refused, so its existence is not revealed.
 */
export const notificationOwner = (user: AuthUser): number => user.id;

export function assertOwnNotification(user: AuthUser, n: { user_id: number } | undefined): void {
  if (!n || n.user_id !== notificationOwner(user)) throw notFound('thông báo');
}
