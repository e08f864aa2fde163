import { type Kysely, sql } from 'kysely';

// The header search lists tasks newest plan first, then in the plan's order (`plan_id desc, position`).
// A word found in thousands of tasks (measured: 12,700 of 100,000 for "thi diem") made SQLite look up
// every one of them to sort them; in this index's order it reads tasks until the first page is full
// (search-repository.ts chooses that path when the count is large). Both directions in one index: the
// existing `tasks_plan_idx (plan_id, position)` cannot give `plan_id desc, position asc`.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tasks_search_order_idx on tasks (plan_id desc, position)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_search_order_idx`.execute(db);
}
