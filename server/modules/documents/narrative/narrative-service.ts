import {
  NARRATIVE_SECTION_TITLES,
  NARRATIVE_SECTIONS,
  type NarrativeResponse,
  type NarrativeSection,
  type SaveNarrativeRequest,
} from '../../../../shared/contracts/consolidated';
import { localDate, localTime } from '../../../../shared/domain/reporting/local-date';
import { formatDateVi } from '../../../../shared/domain/task-status/calendar';
import { inTransaction, type RequestContext } from '../../../context';
import { conflict, notFound } from '../../../http/errors';
import { person } from '../../../lib/person';
import { audit } from '../../audit/audit-repository';
import { loadConsolidatedData } from '../consolidated/consolidated-service';
import {
  assertCanEditConsolidated,
  assertCanReadConsolidated,
  mayEditConsolidated,
} from './consolidated-policy';
import { draftNarrative, draftText } from './narrative-draft';
import {
  findPeriodWithConsolidator,
  insertNarrativeVersion,
  isNarrativeVersionTaken,
  latestNarrativeVersion,
  listNarrativeVersions,
  type PeriodWithConsolidator,
} from './narrative-repository';

const HISTORY_SHOWN = 20;

/** The section's heading with the period's next year where part III names it. */
function sectionTitle(key: NarrativeSection, year: number) {
  return key === 'next_tasks'
    ? `III. Nhiệm vụ, giải pháp trọng tâm năm ${year + 1}`
    : NARRATIVE_SECTION_TITLES[key];
}

async function periodOrNotFound(rc: RequestContext, periodId: number): Promise<PeriodWithConsolidator> {
  const period = await findPeriodWithConsolidator(rc.db, periodId);
  if (!period) throw notFound('kỳ báo cáo');
  return period;
}

/** The four sections: each one's draft from today's data, the saved text if any, its versions. */
export async function getNarrative(rc: RequestContext, periodId: number): Promise<NarrativeResponse> {
  assertCanReadConsolidated(rc.actor);
  const period = await periodOrNotFound(rc, periodId);
  const data = await loadConsolidatedData(rc.app, { planId: period.plan_id, periodId });
  const drafts = draftNarrative(data);
  const versions = await listNarrativeVersions(rc.db, periodId);
  return {
    periodId,
    canEdit: mayEditConsolidated(rc.actor, period),
    consolidatorName: data.issuer.name,
    sections: NARRATIVE_SECTIONS.map((key) => {
      const mine = versions.filter((v) => v.section === key);
      return {
        key,
        title: sectionTitle(key, period.year),
        draft: draftText(drafts[key]),
        text: mine[0]?.text ?? null,
        version: mine[0]?.version ?? 0,
        history: mine.slice(0, HISTORY_SHOWN).map((v) => ({
          version: v.version,
          reset: v.text === null,
          savedBy: person(v.saved_by, v.saved_by_name),
          savedAt: v.saved_at,
        })),
      };
    }),
  };
}

/** Trailing spaces and Windows line ends go; the paragraphs stay as typed. */
const normalise = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();

async function staleSection(rc: RequestContext, periodId: number, section: NarrativeSection) {
  const latest = await latestNarrativeVersion(rc.app.db, periodId, section);
  if (!latest) return conflict('Phần báo cáo đã thay đổi; hãy tải lại trang.');
  const day = localDate(latest.saved_at);
  const when = `${localTime(latest.saved_at)}${day === localDate(new Date()) ? '' : ` ngày ${formatDateVi(day)}`}`;
  const who = latest.saved_by_name ? `người khác (${latest.saved_by_name})` : 'người khác';
  return conflict(
    `Phần “${NARRATIVE_SECTION_TITLES[section]}” đã được ${who} lưu lúc ${when}; hãy tải lại trang để xem bản mới nhất rồi sửa tiếp.`,
  );
}

const STALE = new Error('stale narrative version');

/** Appends a version (the text, or null for "back to the draft") if `version` is still the newest. */
async function writeVersion(
  rc: RequestContext,
  periodId: number,
  section: NarrativeSection,
  version: number,
  text: string | null,
) {
  const period = await periodOrNotFound(rc, periodId);
  assertCanEditConsolidated(rc.actor, period);
  try {
    await inTransaction(rc, async (tx) => {
      const latest = await latestNarrativeVersion(tx.db, periodId, section);
      if ((latest?.version ?? 0) !== version) throw STALE;
      await insertNarrativeVersion(tx.db, {
        periodId,
        section,
        version: version + 1,
        text,
        savedBy: rc.actor.id,
        savedAt: rc.now(),
      });
      await audit(tx, {
        action: text === null ? 'consolidated_narrative.reset' : 'consolidated_narrative.saved',
        entity: 'reporting_period',
        entityId: periodId,
        detail: { section: NARRATIVE_SECTION_TITLES[section], version: version + 1 },
      });
    });
  } catch (err) {
    // Two saves from the same version racing past the check: the unique index refuses the second.
    // The 409 names who saved; read after the transaction (SQLite has one connection).
    if (err === STALE || isNarrativeVersionTaken(err)) throw await staleSection(rc, periodId, section);
    throw err;
  }
  return getNarrative(rc, periodId);
}

export function saveNarrativeSection(
  rc: RequestContext,
  periodId: number,
  section: NarrativeSection,
  input: SaveNarrativeRequest,
) {
  return writeVersion(rc, periodId, section, input.version, normalise(input.text));
}

/** "Khôi phục dự thảo": the document prints the draft from the data again (kept as a version). */
export function resetNarrativeSection(
  rc: RequestContext,
  periodId: number,
  section: NarrativeSection,
  version: number,
) {
  return writeVersion(rc, periodId, section, version, null);
}
