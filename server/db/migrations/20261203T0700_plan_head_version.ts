import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers';

// The header search and the calendar's day list are kept in memory per data version (issue 10: every
// list 25× ahead of Redmine). Their version is reports_version (reports, periods, agencies, a plan's
// number and title, users' names), registry_version and the sum of every plan's data_version (tasks,
// their agencies and statuses: migration 20261201T0520). What the search shows of a plan besides its
// number and title — issuer, date of issue, search key — moved no version yet: an update of those
// columns now moves the plan's data_version, in the same statement (its task list pages are written
// again once; such edits are rare: a plan's header revision).

const COLUMNS = 'issuer, issued_on, search_key';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`create function pw_plan_head_version() returns trigger language plpgsql as $$
begin
  if (new.issuer, new.issued_on, new.search_key) is distinct from (old.issuer, old.issued_on, old.search_key) then
    new.data_version := old.data_version + 1;
  end if;
  return new;
end $$`)
      .execute(db);
    await sql
      .raw(`create trigger pw_plan_head_version before update of ${COLUMNS} on plans
  for each row execute function pw_plan_head_version()`)
      .execute(db);
    return;
  }
  await sql
    .raw(`create trigger pw_plan_head_version after update of ${COLUMNS} on plans for each row
  when new.issuer is not old.issuer or new.issued_on is not old.issued_on or new.search_key is not old.search_key
  begin update plans set data_version = data_version + 1 where id = new.id; end`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger pw_plan_head_version on plans`.execute(db);
    await sql`drop function pw_plan_head_version()`.execute(db);
    return;
  }
  await sql`drop trigger pw_plan_head_version`.execute(db);
}
