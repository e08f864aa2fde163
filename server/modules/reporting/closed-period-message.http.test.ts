import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectError } from '../../test/expect-body';
import { findReport, openPeriod } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/http-agent';
import {
  buildReportingWorld,
  daysFromToday,
  type ReportingWorld,
  THIS_YEAR,
} from '../../test/reporting-world';

/**
 * A reporter who edits after the period closed is told whom to ask to reopen it: the plan's
 * consolidating agency by name when the plan has one, otherwise the generic wording.
 */
describeEachDatabase('closed period message', (dialect) => {
  let s: TestServer;
  let w: ReportingWorld;
  beforeEach(async () => {
    s = await startTestServer(dialect);
    w = await buildReportingWorld(s);
  });
  afterEach(async () => s?.close());

  async function editAfterClosing() {
    const period = await openPeriod(w.as.coordinator, w.planId, {
      kind: 'annual',
      year: THIS_YEAR,
      dueOn: daysFromToday(20),
    });
    const mine = await findReport(w.as.snn, period.id, w.orgs.snn.id);
    expect((await w.as.coordinator.post(`/api/reporting-periods/${period.id}/close`)).status).toBe(200);
    return w.as.snn.patch(`/api/reports/${mine.id}`, { version: mine.version, summary: 'Bổ sung' });
  }

  it("names the plan's consolidating agency", async () => {
    const message = expectError(await editAfterClosing(), 409).message;
    expect(message).toBe(
      'Kỳ báo cáo đã đóng; liên hệ Sở Công Thương thử (cơ quan tổng hợp của kế hoạch) nếu cần mở lại.',
    );
  });

  it('keeps the generic wording when the plan names no consolidating agency', async () => {
    await s.ctx.db
      .updateTable('plans')
      .set({ consolidator_org_id: null })
      .where('id', '=', w.planId)
      .execute();
    const message = expectError(await editAfterClosing(), 409).message;
    expect(message).toBe('Kỳ báo cáo đã đóng; liên hệ cơ quan tổng hợp của kế hoạch nếu cần mở lại.');
  });
});
