import type { Kysely } from 'kysely';

// The lists that grow with years of activity (issue 10: 1,000,000 audit rows, 200,000 notifications),
// newest first, read through an index in the order shown instead of sorting what the filter selects:
// - the audit log by time (`at`, then `id`), alone or after one person or one action, so a month, a
//   person's month or an action's month is a range of one index read backwards; the single-column
//   `audit_log_at_idx` is covered by the new one and dropped;
// - a user's notifications by `created_at` (a busy coordinator's desk gets tens of thousands).
// Their totals are counted up to a cap (server/lib/bounded-count.ts), which these indexes also serve.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_log_at_id_idx').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_actor_at_idx')
    .on('audit_log')
    .columns(['actor_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_action_at_idx')
    .on('audit_log')
    .columns(['action', 'at', 'id'])
    .execute();
  await db.schema.dropIndex('audit_log_at_idx').execute();
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notifications_user_created_idx').execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.dropIndex('audit_log_action_at_idx').execute();
  await db.schema.dropIndex('audit_log_actor_at_idx').execute();
  await db.schema.dropIndex('audit_log_at_id_idx').execute();
}
