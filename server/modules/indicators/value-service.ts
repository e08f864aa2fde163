import type { CreateValue } from '../../../shared/contracts/indicators';
import { indicatorPath } from '../../../shared/domain/app-links';
import { can } from '../../../shared/domain/auth/permissions';
import { formatFigureVi } from '../../../shared/domain/indicators/format';
import { inTransaction, type RequestContext } from '../../context';
import { AppError, conflict, notFound } from '../../http/errors';
import { audit } from '../audit/audit-repository';
import { coordinatorsOf, notify } from '../reporting/notifications';
import { assertMayEnterValues } from './indicator-policy';
import { findIndicatorRow, findValueRow, insertValues, reviewValueRow } from './indicator-repository';
import { currentYearOf, isSampleSource, valueProblem, yearProblem } from './value-rules';

/**
 * Adds a yearly value. Nothing is overwritten: a correction or a firmer status is a new row, and the
 * rule of effective values decides which one counts. A coordinator's value is accepted at once; a
 * reporter's waits for the coordinator.
 */
export async function addValue(
  rc: RequestContext,
  indicatorId: number,
  input: CreateValue,
  today: string,
): Promise<number> {
  const indicator = await findIndicatorRow(rc.db, indicatorId);
  if (!indicator) throw notFound('chỉ số');
  assertMayEnterValues(rc.actor, indicator);
  const fields = [
    { path: 'year', message: yearProblem(input.year, currentYearOf(today)) },
    { path: 'value', message: valueProblem(indicator.value_kind, input.value) },
  ].filter((f): f is { path: string; message: string } => f.message !== null);
  if (fields.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Số liệu không hợp lệ: ${fields.map((f) => f.message).join('; ')}.`,
      fields.map((f) => ({ ...f, message: f.message.charAt(0).toUpperCase() + f.message.slice(1) })),
    );
  }
  const accepted = can(rc.actor.role, 'indicators.manage');
  return inTransaction(rc, async (tx) => {
    const [id] = await insertValues(tx.db, [
      {
        indicatorId,
        year: input.year,
        value: input.value,
        status: input.status,
        source: input.source,
        sourceUrl: input.sourceUrl,
        note: input.note,
        isSample: isSampleSource(input.source),
        enteredBy: rc.actor.id,
        reviewState: accepted ? 'accepted' : 'pending',
      },
    ]);
    await audit(tx, {
      action: 'indicator_value.created',
      entity: 'indicator',
      entityId: indicatorId,
      detail: { valueId: id, year: input.year, value: input.value, status: input.status, accepted },
    });
    if (!accepted) {
      // The value counts only once accepted: the consolidating agency's coordinators are told it waits.
      const plan = await tx.db
        .selectFrom('plans')
        .select(['id', 'number', 'title'])
        .where('id', '=', indicator.plan_id)
        .executeTakeFirstOrThrow();
      await notify(tx, {
        recipients: await coordinatorsOf(tx.db, indicator.plan_id),
        kind: 'indicator_value_submitted',
        title: `Số liệu chờ tiếp nhận: ${indicator.code} năm ${input.year}`,
        body: `${rc.actor.organisationName} (${rc.actor.fullName}) đã nhập số liệu chỉ số “${indicator.name}” năm ${input.year}: ${formatFigureVi(input.value)} ${indicator.unit}. Số liệu chỉ được tính sau khi được tiếp nhận.`,
        link: indicatorPath(indicator.plan_id, indicatorId),
        dedupeKey: `indicator-value:${id}`,
        email: true,
        plan,
      });
    }
    return id!;
  });
}

/** The coordinator accepts a reporter's value (it may then count) or rejects it with a reason. */
export async function reviewValue(
  rc: RequestContext,
  valueId: number,
  decision: 'accept' | 'reject',
  note: string | null,
): Promise<number> {
  const row = await findValueRow(rc.db, valueId);
  if (!row) throw notFound('số liệu');
  if (decision === 'reject' && !note) {
    throw new AppError('VALIDATION_FAILED', 'Vui lòng ghi lý do không tiếp nhận số liệu.', [
      { path: 'note', message: 'Vui lòng ghi lý do không tiếp nhận' },
    ]);
  }
  await inTransaction(rc, async (tx) => {
    const state = decision === 'accept' ? 'accepted' : 'rejected';
    if (!(await reviewValueRow(tx.db, valueId, { state, by: rc.actor.id, note }))) {
      throw conflict('Số liệu này đã được xem xét trước đó.');
    }
    await audit(tx, {
      action: `indicator_value.${state}`,
      entity: 'indicator',
      entityId: row.indicator_id,
      detail: { valueId, year: row.year, value: row.value, note },
    });
  });
  return row.indicator_id;
}
