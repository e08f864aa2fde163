import type { Kysely } from 'kysely';
import { PERIOD_KINDS, type PeriodKind } from '../../../shared/contracts/reporting';
import { periodKindYear } from '../../../shared/domain/reporting/period-title';
import type { Database } from '../../db/schema';
import type { AuditRow } from './audit-repository';

/**
 * The names behind a page of audit rows, looked up in one query per kind of object: "người dùng
 * Nguyễn Văn A (nva)", "báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025 (kế hoạch 148/KH-UBND)". An
 * object deleted since has no name; the description says so.
 */
export interface AuditNameBook {
  object(entity: string, entityId: string | null): string | null;
  organisations: Map<number, string>;
}

const ORG_FIELDS = ['organisationId', 'parentId', 'successorId', 'ownerOrgId'];

const idsOf = (rows: readonly AuditRow[], entity: string) => [
  ...new Set(
    rows
      .filter((r) => r.entity === entity && r.entityId !== null && /^\d+$/.test(r.entityId))
      .map((r) => Number(r.entityId)),
  ),
];

/** Organisation ids anywhere in the details (a user's agency, an indicator's owner, before and after). */
function organisationIdsIn(rows: readonly AuditRow[]): number[] {
  const out = new Set<number>();
  const visit = (v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (ORG_FIELDS.includes(k) && typeof x === 'number') out.add(x);
      else if (typeof x === 'object') visit(x);
    }
  };
  for (const r of rows) visit(r.detail);
  return [...out];
}

const planLabel = (p: { number: string | null; title: string }) => p.number ?? p.title;
const periodLabel = (p: { kind: string; year: number; title: string }) =>
  p.kind === 'ad_hoc' || !(PERIOD_KINDS as readonly string[]).includes(p.kind)
    ? p.title
    : periodKindYear(p.kind as PeriodKind, p.year);

export async function auditNameBook(db: Kysely<Database>, rows: readonly AuditRow[]): Promise<AuditNameBook> {
  const names = new Map<string, string>();
  const put = (entity: string, id: number, name: string) => names.set(`${entity}:${id}`, name);

  const userIds = idsOf(rows, 'user');
  if (userIds.length > 0) {
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'full_name', 'username'])
      .where('id', 'in', userIds)
      .execute()) {
      put('user', u.id, `người dùng ${u.full_name} (${u.username})`);
    }
  }
  const orgIds = [...new Set([...idsOf(rows, 'organisation'), ...organisationIdsIn(rows)])];
  const organisations = new Map<number, string>();
  if (orgIds.length > 0) {
    for (const o of await db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', orgIds)
      .execute()) {
      organisations.set(o.id, o.name);
      put('organisation', o.id, `cơ quan ${o.name}`);
    }
  }
  const planIds = idsOf(rows, 'plan');
  if (planIds.length > 0) {
    for (const p of await db
      .selectFrom('plans')
      .select(['id', 'number', 'title'])
      .where('id', 'in', planIds)
      .execute()) {
      put('plan', p.id, `kế hoạch ${planLabel(p)}`);
    }
  }
  const importIds = idsOf(rows, 'plan_import');
  if (importIds.length > 0) {
    for (const i of await db
      .selectFrom('plan_imports as i')
      .innerJoin('documents as d', 'd.id', 'i.document_id')
      .select(['i.id', 'd.filename'])
      .where('i.id', 'in', importIds)
      .execute()) {
      put('plan_import', i.id, `bản nhập kế hoạch từ tệp “${i.filename}”`);
    }
  }
  const periodIds = idsOf(rows, 'reporting_period');
  if (periodIds.length > 0) {
    for (const p of await db
      .selectFrom('reporting_periods as p')
      .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
      .select(['p.id', 'p.kind', 'p.year', 'p.title', 'pl.number', 'pl.title as plan_title'])
      .where('p.id', 'in', periodIds)
      .execute()) {
      put(
        'reporting_period',
        p.id,
        `kỳ ${periodLabel(p)} (kế hoạch ${planLabel({ number: p.number, title: p.plan_title })})`,
      );
    }
  }
  const reportIds = idsOf(rows, 'report');
  if (reportIds.length > 0) {
    for (const r of await db
      .selectFrom('reports as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
      .select(['r.id', 'o.name', 'p.kind', 'p.year', 'p.title', 'pl.number', 'pl.title as plan_title'])
      .where('r.id', 'in', reportIds)
      .execute()) {
      put(
        'report',
        r.id,
        `báo cáo của ${r.name}, kỳ ${periodLabel(r)} (kế hoạch ${planLabel({ number: r.number, title: r.plan_title })})`,
      );
    }
  }
  const reorganisationIds = idsOf(rows, 'reorganisation');
  if (reorganisationIds.length > 0) {
    for (const e of await db
      .selectFrom('reorganisations')
      .select(['id', 'title', 'basis_number'])
      .where('id', 'in', reorganisationIds)
      .execute()) {
      put('reorganisation', e.id, `sắp xếp tổ chức “${e.title}” (${e.basis_number})`);
    }
  }
  const indicatorIds = idsOf(rows, 'indicator');
  if (indicatorIds.length > 0) {
    for (const i of await db
      .selectFrom('indicators as i')
      .innerJoin('plans as pl', 'pl.id', 'i.plan_id')
      .select(['i.id', 'i.code', 'i.name', 'pl.number', 'pl.title as plan_title'])
      .where('i.id', 'in', indicatorIds)
      .execute()) {
      put(
        'indicator',
        i.id,
        `chỉ số ${i.code} “${i.name}” (kế hoạch ${planLabel({ number: i.number, title: i.plan_title })})`,
      );
    }
  }
  const taskIds = idsOf(rows, 'task');
  if (taskIds.length > 0) {
    for (const t of await db
      .selectFrom('tasks as t')
      .innerJoin('plans as pl', 'pl.id', 't.plan_id')
      .select(['t.id', 't.ordinal', 'pl.number', 'pl.title as plan_title'])
      .where('t.id', 'in', taskIds)
      .execute()) {
      put(
        'task',
        t.id,
        `nhiệm vụ ${t.ordinal} (kế hoạch ${planLabel({ number: t.number, title: t.plan_title })})`,
      );
    }
  }
  return {
    organisations,
    object: (entity, entityId) => (entityId === null ? null : (names.get(`${entity}:${entityId}`) ?? null)),
  };
}
