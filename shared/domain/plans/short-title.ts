/**
 * A plan named in a list row, a card or a notification: its number and a short title
 * ("148/KH-UBND · Chương trình phát triển công nghiệp, tiểu thủ công nghiệp"), so two reports of the
 * same agency for different plans can be told apart. Pure; the full title stays on the plan's page.
 */

const MAX_LENGTH = 60;

/** Opening words every plan title repeats: what the document is and that it carries out another. */
const LEADING =
  /^(?:ban hành\s+)?(?:kế hoạch|chương trình hành động|quyết định|nghị quyết|chỉ thị)?\s*(?:hành động\s+)?(?:triển khai\s+)?(?:thực hiện\s+)?/iu;

/** Where the subject of a plan usually ends: its place and its time span. */
const TAIL = /\s+(?:trên địa bàn|giai đoạn|đến năm|năm \d{4}|,\s*định hướng)\b.*$|,\s*định hướng.*$/iu;

/** Mostly capitals (a title copied from the document's heading): read as ordinary text. */
function mostlyUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.7;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

export function shortPlanTitle(title: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  if (mostlyUpper(t)) t = t.toLocaleLowerCase('vi');
  t = t.replace(LEADING, '');
  // "… Nghị quyết số 07-NQ/TU … của Ban Chấp hành … về Chương trình phát triển …": the subject follows "về".
  const about = / (?:quy định )?về (.+)$/iu.exec(t);
  if (about?.[1] && about[1].length >= 12) t = about[1];
  const cut = t.replace(TAIL, '').trim();
  if (cut.length >= 12) t = cut;
  t = t.replace(/[\s,;:.]+$/u, '');
  if (t.length > MAX_LENGTH) {
    const head = t.slice(0, MAX_LENGTH);
    const space = head.lastIndexOf(' ');
    t = `${(space > 30 ? head.slice(0, space) : head).replace(/[\s,;:]+$/u, '')}…`;
  }
  return t.length > 0 ? capitalise(t) : title;
}

/** The plan in a notification's title, kept short: its number, or its short title when it has none. */
export function planTag(plan: { number: string | null; title: string }): string {
  return plan.number ?? shortPlanTitle(plan.title);
}

/** "148/KH-UBND · Phát triển công nghiệp hỗ trợ"; without a number, the short title alone. */
export function planLabel(plan: { number: string | null; title: string }): string {
  const short = shortPlanTitle(plan.title);
  return plan.number ? `${plan.number} · ${short}` : short;
}
