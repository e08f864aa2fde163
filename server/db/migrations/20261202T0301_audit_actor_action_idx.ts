import type { Kysely } from 'kysely';

// The audit log filtered by person, action and month at once (issue 10: every list p50 < 5.6 ms at
// national scale). With `(action, at, id)` and `(actor_id, at, id)` only, the page read the action's
// month backwards with the person as a filter, and PostgreSQL counted it (bounded-count.ts) by ANDing
// bitmaps of the action's month and of all the person's rows (120,000 entries for a coordinator):
// 40 ms. `(actor_id, action, at, id)` makes both the page and its count one exact index range.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_log_actor_action_at_idx')
    .on('audit_log')
    .columns(['actor_id', 'action', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor_action_at_idx').execute();
}
