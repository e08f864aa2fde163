import type { Kysely } from 'kysely';

// The plan as of a date (issue 13, items 3 and 6).
// - `tasks.added_on`: the date a task added by a revision came into force (null = since the plan). With
//   `removed_on` it says in which periods the task counts: in force in a span when added_on ≤ its end and
//   (removed_on null or removed_on > its start).
// - `tasks.continues_task_id`: the task of a replaced plan this task took over (the link back).
// - `plan_revisions.effective_on`: the date a change takes effect (a deadline change counts for periods
//   ending on or after it); null on older rows, which count from their document's date, else their day.
// - `plans.ended_on` / `end_kind` (annulled | replaced) / `replaced_by_plan_id`: a plan annulled or
//   replaced stops opening periods from that date; its history stays.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('added_on', 'text').execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('continues_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('plan_revisions').addColumn('effective_on', 'text').execute();
  await db.schema.alterTable('plans').addColumn('ended_on', 'text').execute();
  await db.schema.alterTable('plans').addColumn('end_kind', 'text').execute();
  await db.schema
    .alterTable('plans')
    .addColumn('replaced_by_plan_id', 'integer', (c) => c.references('plans.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('replaced_by_plan_id').execute();
  await db.schema.alterTable('plans').dropColumn('end_kind').execute();
  await db.schema.alterTable('plans').dropColumn('ended_on').execute();
  await db.schema.alterTable('plan_revisions').dropColumn('effective_on').execute();
  await db.schema.alterTable('tasks').dropColumn('continues_task_id').execute();
  await db.schema.alterTable('tasks').dropColumn('added_on').execute();
}
