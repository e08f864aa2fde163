import { type Kysely, sql } from 'kysely';

// Lists that grow with the data (issue 10, item 9): the report inbox, the review queue, "my work" and
// the plan list read their counts from columns instead of counting every entry, version and task per
// row and per request. The services keep them current in the transaction that changes what they
// count (report-generation.ts, workflow.ts, plan-writer.ts); this fills them for existing rows.
// The indexes serve the lists' filters and sorts and keep PostgreSQL's planner on index scans for
// a plan's task facets and task list after VACUUM ANALYZE (docs/PERFORMANCE.md, "Lists at scale").

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['lead_count', 'support_count', 'version_count']) {
    await db.schema
      .alterTable('reports')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  // The plan a notification is about (null when it concerns none), named in the bell and the list.
  await db.schema.alterTable('notifications').addColumn('plan_id', 'integer').execute();
  await db.schema
    .alterTable('plans')
    .addColumn('task_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await sql`
    UPDATE reports SET
      lead_count = (SELECT count(*) FROM report_entries e WHERE e.report_id = reports.id AND e.role = 'lead'),
      support_count = (SELECT count(*) FROM report_entries e WHERE e.report_id = reports.id AND e.role = 'support'),
      version_count = (SELECT count(*) FROM report_versions v WHERE v.report_id = reports.id)
  `.execute(db);
  await sql`UPDATE plans SET task_count = (SELECT count(*) FROM tasks t WHERE t.plan_id = plans.id)`.execute(
    db,
  );

  // Inbox and review queue: by state across plans; "my work": one agency's reports by state.
  await db.schema
    .createIndex('reports_state_period_idx')
    .on('reports')
    .columns(['state', 'period_id'])
    .execute();
  await db.schema
    .createIndex('reports_org_state_period_idx')
    .on('reports')
    .columns(['organisation_id', 'state', 'period_id'])
    .execute();
  // The inbox sorts by the period's due date, latest first.
  await db.schema
    .createIndex('reporting_periods_due_idx')
    .on('reporting_periods')
    .columns(['due_on', 'id'])
    .execute();
  // The plan list, newest first, one page at a time.
  await db.schema.createIndex('plans_issued_idx').on('plans').columns(['issued_on', 'id']).execute();
  // Task facets and the filtered task list: from a task to its agencies by role, and from an agency
  // to its tasks, each answered from the index alone.
  await db.schema
    .createIndex('task_agencies_task_role_org_idx')
    .on('task_agencies')
    .columns(['task_id', 'role', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('task_agencies_org_task_idx')
    .on('task_agencies')
    .columns(['organisation_id', 'task_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'task_agencies_org_task_idx',
    'task_agencies_task_role_org_idx',
    'plans_issued_idx',
    'reporting_periods_due_idx',
    'reports_org_state_period_idx',
    'reports_state_period_idx',
  ])
    await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('plans').dropColumn('task_count').execute();
  await db.schema.alterTable('notifications').dropColumn('plan_id').execute();
  for (const column of ['version_count', 'support_count', 'lead_count'])
    await db.schema.alterTable('reports').dropColumn(column).execute();
}
