import type { Kysely } from 'kysely';

// What kind of document a plan came in (Kế hoạch, Quyết định / Nghị quyết issuing a plan, Chương
// trình hành động, Chỉ thị), shown and searched in the plan list; and a task table's extra columns
// ("Cấp trình", "Địa điểm", "Nguồn kinh phí"), kept as the document wrote them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('plan'))
    .execute();
  await db.schema.alterTable('tasks').addColumn('extra_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('extra_json').execute();
  await db.schema.alterTable('plans').dropColumn('kind').execute();
}
