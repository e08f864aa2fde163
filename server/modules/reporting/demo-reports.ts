import { localDate } from '../../../shared/domain/reporting/local-date';
import type { AppContext } from '../../context';
import { systemRequestContext } from '../../context';
import type { AuthUser } from '../../http/auth-state';
import { addDirective } from './directives';
import { openPeriod } from './period-service';
import { saveReport } from './report-entries';
import { findReport, reportDetail } from './report-service';
import { acceptReport, returnReport, submitReport } from './workflow';

const SAMPLE = '[Dữ liệu mẫu]';

async function actor(ctx: AppContext, username: string): Promise<AuthUser | null> {
  const u = await ctx.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.full_name',
      'users.role',
      'users.organisation_id',
      'organisations.name',
    ])
    .where('users.username', '=', username)
    .executeTakeFirst();
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationName: u.name,
    mustChangePassword: false,
  };
}

/** Fills every led task of the agency's report with clearly marked sample answers and submits it. */
async function fillAndSubmit(ctx: AppContext, reporter: AuthUser, reportId: number, note: string) {
  const r = await reportDetail(ctx, reporter, await findReport(ctx.db, reportId));
  const today = localDate(new Date());
  const saved = await saveReport(systemRequestContext(ctx, reporter, 'demo'), reportId, {
    version: r.version,
    summary: `<p>${SAMPLE} ${note}</p>`,
    difficulties: `${SAMPLE} Nguồn lực thực hiện còn hạn chế.`,
    proposals: `${SAMPLE} Đề nghị UBND tỉnh bố trí kinh phí.`,
    dispatchNumber: `${SAMPLE} 01/BC-MAU`,
    dispatchDate: today,
    entries: r.lead.map((e, i) => ({
      id: e.id,
      progress: i === 0 ? 'completed' : 'in_progress',
      completedOn: i === 0 ? today : null,
      result: `<p>${SAMPLE} Kết quả thực hiện nhiệm vụ ${e.task.ordinal}.</p>`,
      ...(i === 0
        ? {
            productNumber: `${SAMPLE} 12/QĐ-MAU`,
            productDate: today,
            productSummary: `${SAMPLE} Văn bản sản phẩm`,
          }
        : {}),
    })),
  });
  return submitReport(systemRequestContext(ctx, reporter, 'demo'), reportId, saved.version);
}

/**
 * Demo data for the reporting cycle, once: the current year's annual period of the sample plan, with
 * the report of demo reporter `sct.baocao`'s agency accepted after one return (two versions to compare),
 * that of `taichinh`'s agency returned for corrections, a leader's directive, and every other agency's
 * report still a draft.
 * Every text written is marked "[Dữ liệu mẫu]".
 */
export async function loadDemoReporting(ctx: AppContext, planId: number): Promise<void> {
  const exists = await ctx.db
    .selectFrom('reporting_periods')
    .select('id')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (exists) return;
  const coordinator = await actor(ctx, 'congthuong');
  const leader = await actor(ctx, 'lanhdao');
  if (!coordinator) return;
  const year = Number(localDate(new Date()).slice(0, 4));
  const { period } = await openPeriod(systemRequestContext(ctx, coordinator, 'demo'), planId, {
    kind: 'annual',
    year,
  });
  const reports = await ctx.db
    .selectFrom('reports')
    .select(['id', 'organisation_id'])
    .where('period_id', '=', period.id)
    .execute();
  for (const [username, outcome] of [
    ['sct.baocao', 'accept'],
    ['taichinh', 'return'],
  ] as const) {
    const reporter = await actor(ctx, username);
    const report = reporter && reports.find((r) => r.organisation_id === reporter.organisationId);
    if (!reporter || !report) continue;
    let r = await fillAndSubmit(ctx, reporter, report.id, 'Báo cáo kết quả thực hiện kế hoạch năm.');
    if (outcome === 'accept') {
      r = await returnReport(
        systemRequestContext(ctx, coordinator, 'demo'),
        report.id,
        r.version,
        `${SAMPLE} Đề nghị bổ sung số liệu kết quả.`,
      );
      r = await fillAndSubmit(ctx, reporter, report.id, 'Báo cáo đã bổ sung số liệu theo đề nghị.');
      await acceptReport(systemRequestContext(ctx, coordinator, 'demo'), report.id, r.version);
      if (leader) {
        await addDirective(
          systemRequestContext(ctx, leader, 'demo'),
          { kind: 'report', id: report.id },
          `${SAMPLE} Đề nghị tiếp tục đôn đốc các nhiệm vụ chậm tiến độ.`,
        );
      }
    } else {
      await returnReport(
        systemRequestContext(ctx, coordinator, 'demo'),
        report.id,
        r.version,
        `${SAMPLE} Đề nghị ghi rõ số, ngày văn bản sản phẩm.`,
      );
    }
  }
}
