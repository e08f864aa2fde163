import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/db';

/*
 * The version of what the header search and the calendar's day list show: plans, tasks and their
 * agencies, reports and their periods, agencies. Each part is kept by triggers in the writing
 * transaction, so no writer can forget it and every process (`serve --workers`) reads the same:
 * - reports_version (migration 20261201T0550): reports, entries, versions, periods, agencies, a plan
 *   added or removed, its number and title, users' names;
 * - registry_version (20261201T0520): any organisation change;
 * - the sum of plans.data_version (20261201T0520, 20261203T0700): tasks, task agencies, stored
 *   statuses, a plan's issuer, date and search key. Each only ever grows, and a plan removed moves
 *   reports_version, so the sum cannot come back to an earlier value while the rest stands.
 * Read in one statement (one snapshot on PostgreSQL) before the page, never after: a change in
 * between only costs a miss. Unlike one more global counter row, it adds no lock to any write.
 */
export async function contentVersion(db: Db): Promise<string> {
  return versionOf(db, CONTENT);
}

type Part = RawBuilder<unknown>;

const CONTENT: Part[] = [
  sql`(select version from reports_version where id = 1)`,
  sql`(select version from registry_version where id = 1)`,
  sql`(select sum(data_version) from plans)`,
];

/**
 * The audit log's version: every audit row (audit_version, migration 20261203T0701; every product
 * write records one) and, for the names a page shows, the content version and indicators'.
 */
export async function auditVersion(db: Db): Promise<string> {
  return versionOf(db, [
    sql`(select version from audit_version where id = 1)`,
    sql`(select version from indicator_version where id = 1)`,
    ...CONTENT,
  ]);
}

/**
 * A user's notifications' version (notification_versions, migration 20261203T0701; none before their
 * first) and reports_version for the plans' numbers and titles they show.
 */
export async function notificationVersion(db: Db, userId: number): Promise<string> {
  return versionOf(db, [
    sql`(select version from notification_versions where user_id = ${userId})`,
    sql`(select version from reports_version where id = 1)`,
  ]);
}

/** The values of the given subqueries, read in one statement, joined by dots (no row: '-'). */
async function versionOf(db: Db, parts: readonly Part[]): Promise<string> {
  const columns = parts.map((p, i) => sql`${p} as ${sql.ref(`v${i}`)}`);
  const r = await sql<Record<string, unknown>>`select ${sql.join(columns)}`.execute(db);
  const row = r.rows[0] ?? {};
  return parts.map((_, i) => String(row[`v${i}`] ?? '-')).join('.');
}
