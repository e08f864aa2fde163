import type { Kysely } from 'kysely';

// Indexes for two lists that filter what grows without bound: indicator values waiting for the
// coordinator (a few among all values, oldest first) and the audit log filtered by person or action
// (newest first, by id); the date range already has audit_log_at_idx.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('indicator_values_review_idx')
    .on('indicator_values')
    .columns(['review_state', 'entered_at'])
    .execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_action_idx').execute();
  await db.schema.dropIndex('audit_log_actor_idx').execute();
  await db.schema.dropIndex('indicator_values_review_idx').execute();
}
