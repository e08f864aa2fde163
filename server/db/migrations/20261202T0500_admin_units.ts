import type { Kysely } from 'kysely';

// Issue 14, communes: a commune-level unit (xã, phường, thị trấn, đặc khu) is an agency of kind
// 'ubnd_xa' whose national code (mã đơn vị hành chính) and unit type are kept beside it, with the
// document the unit comes from (the resolution that set it up). The national code is unique: loading
// a province's list again updates the units it already holds instead of adding them twice.
// A reporting period keeps the warnings of its last report generation: named groups and agencies that
// resolved to nobody on its due date, so a level of government without reports is never silent.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('admin_code', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('admin_unit_type', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('source', 'text').execute();
  await db.schema
    .createIndex('organisations_admin_code_key')
    .on('organisations')
    .column('admin_code')
    .unique()
    .execute();
  await db.schema.alterTable('reporting_periods').addColumn('coverage_warnings_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reporting_periods').dropColumn('coverage_warnings_json').execute();
  await db.schema.dropIndex('organisations_admin_code_key').execute();
  await db.schema.alterTable('organisations').dropColumn('source').execute();
  await db.schema.alterTable('organisations').dropColumn('admin_unit_type').execute();
  await db.schema.alterTable('organisations').dropColumn('admin_code').execute();
}
