import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Plans change after they are issued (issue 13): every change of a confirmed plan — its header, a
// target, a task group, a task — is one row of `plan_revisions`: who, when, why, the amending document
// when there is one, and the changed fields before and after (JSON). A removed task is not deleted
// (its reports and statuses are history): `tasks.removed_on` is the date it stops being in force.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_revisions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // plan | target | group | task
    .addColumn('subject', 'text', (c) => c.notNull())
    // add | update | remove
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('target_id', 'integer')
    // How the changed thing is named in the history ("Nhiệm vụ 5", the target's text, the group).
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('document_date', 'text')
    // JSON objects { field: value } of the changed fields only.
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_revisions_plan_idx')
    .on('plan_revisions')
    .columns(['plan_id', 'id'])
    .execute();
  await db.schema
    .createIndex('plan_revisions_task_idx')
    .on('plan_revisions')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema.alterTable('tasks').addColumn('removed_on', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('removed_on').execute();
  await db.schema.dropTable('plan_revisions').execute();
}
