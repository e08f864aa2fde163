import type { PlanRegime } from '../../contracts/plan-draft';
import { foldDiacritics } from '../text/normalize';
import { isRegimeHeading } from './duties';
import { allNodes, flattenParagraphs, type SectionNode } from './sections';

/** The agency reports go to: "Giao Sở X chủ trì theo dõi", "gửi Sở X tổng hợp". */
const CONSOLIDATOR =
  /(?:giao|gửi|gửi về|về)\s+((?:Sở|Ban|Văn phòng|UBND|Ủy ban|Uỷ ban|Cục|Chi cục|Thanh tra)\s[^,;.()]{2,80}?)\s+(?:để\s+)?(?:chủ trì|tổng hợp|làm đầu mối|theo dõi)/u;
/** "trước ngày 15/12", "trước ngày 15 tháng 12" — a day and month without a year. */
const DAY_MONTH = /ngay\s+(\d{1,2})\s*(?:\/|-|\s+thang\s+)\s*(\d{1,2})(?!\s*(?:\/|-|nam)\s*\d)(?!\d)/;
const RECURRING = /hang nam|moi nam|dinh ky|dinh ki/;

/**
 * The year that goes with "sơ kết"/"tổng kết": the nearest one before the word ("năm 2023 sơ kết",
 * "năm 2025, tổng kết"), else the first after it ("tổng kết vào năm 2025").
 */
function yearNear(clause: string, keyword: string): number | null {
  const at = clause.indexOf(keyword);
  if (at < 0) return null;
  const years = [...clause.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => ({
    at: m.index ?? 0,
    year: Number(m[1]),
  }));
  const before = years.filter((y) => y.at < at);
  return before[before.length - 1]?.year ?? years.find((y) => y.at > at)?.year ?? null;
}

/** Reads who consolidates, the annual due date and the review years out of the regime text. */
export function readRegime(text: string): PlanRegime {
  const clauses = foldDiacritics(text)
    .toLowerCase()
    .split(/[;.\n]/);
  let annualDueDay: number | null = null;
  let annualDueMonth: number | null = null;
  let midTermYear: number | null = null;
  let finalYear: number | null = null;
  for (const clause of clauses) {
    const due = DAY_MONTH.exec(clause);
    if (annualDueDay === null && due !== null && RECURRING.test(clause)) {
      const day = Number(due[1]);
      const month = Number(due[2]);
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        annualDueDay = day;
        annualDueMonth = month;
      }
    }
    if (midTermYear === null) midTermYear = yearNear(clause, 'so ket');
    if (finalYear === null) finalYear = yearNear(clause, 'tong ket');
  }
  const consolidator = CONSOLIDATOR.exec(text.replace(/\s+/g, ' '))?.[1]?.trim() ?? null;
  return { consolidator, annualDueDay, annualDueMonth, midTermYear, finalYear, text };
}

/**
 * The regime is usually the last numbered item of "TỔ CHỨC THỰC HIỆN" ("Chế độ báo cáo") or a
 * section of its own; failing both, reporting sentences of the implementation section are used.
 */
export function extractRegime(
  roots: readonly SectionNode[],
  implementation: SectionNode | null,
): PlanRegime | null {
  const node = allNodes(roots).find((candidate) => isRegimeHeading(candidate.heading));
  if (node !== undefined) return readRegime(flattenParagraphs(node).join('\n'));
  if (implementation === null) return null;
  const sentences = implementation.paragraphs.filter(isReportingSentence);
  if (sentences.length > 0) return readRegime(sentences.join('\n'));
  return regimeInDuty(implementation);
}

function isReportingSentence(text: string): boolean {
  const key = foldDiacritics(text).toLowerCase();
  return /bao cao/.test(key) && /(hang nam|dinh ky|so ket|tong ket)/.test(key);
}

/** "Sở Công Thương: …" or "- Sở Công Thương: …": the agency a duty paragraph is written for. */
const DUTY_AGENCY =
  /^[-–+•]?\s*((?:Sở|Ban|Văn phòng|UBND|Ủy ban|Uỷ ban|Cục|Chi cục|Thanh tra|Bộ|Vụ)\s[^:;,.]{2,80}):/u;

/**
 * A reporting regime written inside one agency's duty ("Sở Công Thương: … định kỳ trước ngày 05/12
 * hằng năm tổng hợp, báo cáo UBND tỉnh"): that agency consolidates the reports.
 */
function regimeInDuty(implementation: SectionNode): PlanRegime | null {
  for (const node of allNodes([implementation])) {
    const paragraphs = node === implementation ? node.paragraphs : flattenParagraphs(node);
    for (const paragraph of paragraphs) {
      if (!isReportingSentence(paragraph) || !/\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}/u.test(paragraph)) continue;
      const regime = readRegime(paragraph);
      if (regime.annualDueDay === null) continue;
      const agency =
        DUTY_AGENCY.exec(paragraph)?.[1] ??
        (node === implementation ? null : DUTY_AGENCY.exec(`${node.heading}:`)?.[1]);
      return { ...regime, consolidator: regime.consolidator ?? agency?.trim() ?? null };
    }
  }
  return null;
}
