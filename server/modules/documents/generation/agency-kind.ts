import { notFound } from '../../../http/errors';
import { loadAgencyReport } from '../agency/agency-model';
import { agencyDocx } from '../agency/agency-service';
import type { GenerationKind } from './job-kinds';

/** The kind name of an agency's own report generated as a job. */
export const AGENCY_REPORT_KIND = 'agency_report';

/**
 * An agency's own report of a period (agency/agency-service.ts) as a generation job: `periodId` is the
 * report's period, `subjectId` the report. Kept with the report's version at that moment (its number
 * of submissions; 0 while never sent, when the file is marked "DỰ THẢO").
 */
export const agencyReportGeneration: GenerationKind = {
  label: 'Văn bản báo cáo của cơ quan',
  scope: 'report',
  async generate({ app, job, progress }) {
    if (job.subjectId === null) throw notFound('báo cáo');
    await progress(10);
    const d = await loadAgencyReport(app, job.subjectId);
    await progress(30);
    const bytes = await agencyDocx(d);
    await progress(85);
    return {
      bytes,
      filename: `Báo cáo ${d.agency.code} ${d.plan.number ?? d.plan.title} năm ${d.report.period_year}.docx`,
      sources: [{ reportId: d.report.id, organisation: d.agency.name, versionNo: d.report.version_count }],
    };
  },
};
