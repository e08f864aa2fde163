import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../shared/domain/auth/roles';
import { type AppContext, systemContext } from '../context';
import { sha256Hex } from '../files/file-store';
import { hashPassword } from '../modules/auth/password';
import { loadCommunes } from '../modules/organisations/commune-import';
import { findOrganisationByCode } from '../modules/organisations/organisation-repository';
import { confirmImport } from '../modules/plan-import/confirm-import';
import { findDocumentBySha } from '../modules/plan-import/import-repository';
import { createImport } from '../modules/plan-import/import-service';
import { loadDemoReporting } from '../modules/reporting/demo-reports';
import { findUserByUsername, updateUserPassword, updateUserRow } from '../modules/users/user-repository';
import { createUser } from '../modules/users/user-service';
import { SAMPLE_PLAN_148_INDICATORS } from './sample/hung-yen-148-indicators';
import { HUNG_YEN_COMMUNES } from './sample/hung-yen-communes';
import { SAMPLE_ORGANISATIONS } from './sample/hung-yen-organisations';
import { seedIndicatorValues } from './seed-indicator-values';
import { seedOrganisations } from './seed-organisations';

export const DEMO_PASSWORD = 'planwatch-demo';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  fullName: string;
  organisation: string;
}

const DEMO_USERS: { username: string; fullName: string; role: Role; org: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', org: 'UBND_TINH' },
  { username: 'congthuong', fullName: 'Trần Thị Tổng Hợp', role: 'coordinator', org: 'SCT' },
  { username: 'taichinh', fullName: 'Lê Văn Báo Cáo', role: 'reporter', org: 'STC' },
  { username: 'sct.baocao', fullName: 'Vũ Thị Mẫu', role: 'reporter', org: 'SCT' },
  { username: 'lanhdao', fullName: 'Phạm Minh Lãnh Đạo', role: 'leader', org: 'UBND_TINH' },
];

/**
 * Sample agencies and one account per role. Demo accounts get the demo password back on every
 * start so the printed logins are always true; everything else in the database is kept.
 */
export async function loadDemoData(ctx: AppContext): Promise<DemoLogin[]> {
  await seedOrganisations(ctx, SAMPLE_ORGANISATIONS);
  await loadSampleCommunes(ctx);
  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const org = await findOrganisationByCode(ctx.db, u.org);
    if (!org) throw new Error(`Thiếu cơ quan mẫu ${u.org}`);
    const existing = await findUserByUsername(ctx.db, u.username);
    if (existing) {
      await updateUserPassword(ctx.db, existing.id, await hashPassword(DEMO_PASSWORD), false);
      await updateUserRow(ctx.db, existing.id, { active: 1 }, existing.username);
    } else {
      await createUser(systemContext(ctx), {
        username: u.username,
        fullName: u.fullName,
        role: u.role,
        organisationId: org.id,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
      });
    }
    logins.push({
      username: u.username,
      password: DEMO_PASSWORD,
      role: u.role,
      fullName: u.fullName,
      organisation: org.name,
    });
  }
  await loadSamplePlan(ctx);
  return logins;
}

/** Hưng Yên's communes from 1/7/2025, through the loader any province's list goes through (once). */
export async function loadSampleCommunes(ctx: AppContext): Promise<void> {
  const parent = await findOrganisationByCode(ctx.db, HUNG_YEN_COMMUNES.parentCode);
  const input = {
    csv: readFileSync(HUNG_YEN_COMMUNES.file, 'utf8'),
    validFrom: HUNG_YEN_COMMUNES.validFrom,
    source: HUNG_YEN_COMMUNES.source,
    parentId: parent?.id ?? null,
  };
  const check = await loadCommunes(systemContext(ctx), { ...input, dryRun: true });
  if (check.added > 0) await loadCommunes(systemContext(ctx), { ...input, dryRun: false });
}

export const SAMPLE_PLAN_FILE = path.join(
  import.meta.dirname,
  '../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt',
);

/** The sample plan goes through the same import as an uploaded one; once only. */
async function loadSamplePlan(ctx: AppContext): Promise<void> {
  const bytes = readFileSync(SAMPLE_PLAN_FILE);
  const doc = await findDocumentBySha(ctx.db, sha256Hex(bytes));
  const existing = doc
    ? await ctx.db.selectFrom('plans').select('id').where('document_id', '=', doc.id).executeTakeFirst()
    : undefined;
  let planId = existing?.id;
  if (planId === undefined) {
    const imp = await createImport(systemContext(ctx), { filename: path.basename(SAMPLE_PLAN_FILE), bytes });
    planId = await confirmImport(systemContext(ctx), imp.id, { registerNewAgencies: false });
  }
  // Public figures for the plan's indicators, each with its source (once).
  await seedIndicatorValues(ctx, planId, SAMPLE_PLAN_148_INDICATORS);
  // The current year's reporting period with sample reports in different states (once).
  await loadDemoReporting(ctx, planId);
}
