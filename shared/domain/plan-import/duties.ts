import type { PlanDuty } from '../../contracts/plan-draft';
import { searchKey } from '../text/normalize';
import { allNodes, flattenParagraphs, type SectionNode } from './sections';

/** "Chế độ báo cáo", "Chế độ thông tin, báo cáo", "Báo cáo kết quả". */
export function isRegimeHeading(heading: string): boolean {
  const key = searchKey(heading);
  return /che do (thong tin )?(,\s*)?bao cao|^bao cao|thong tin,? bao cao/.test(key);
}

/** "IV. TỔ CHỨC THỰC HIỆN" (the last one, should a plan repeat the words in another heading). */
export function findImplementationNode(roots: readonly SectionNode[]): SectionNode | null {
  const matches = roots.filter((root) =>
    /to chuc thuc hien|trach nhiem thuc hien|phan cong/.test(searchKey(root.heading)),
  );
  return matches[matches.length - 1] ?? null;
}

/** Opening words of an agency name when duties are written as "- Sở X: chủ trì …" bullets. */
const AGENCY_BULLET =
  /^[-–+•]\s*((?:Sở|Ban|UBND|Ủy ban|Uỷ ban|Văn phòng|Công an|Bộ Chỉ huy|Báo|Đài|Các|Hội|Hiệp hội|Liên minh|Tỉnh đoàn|Cục|Chi cục|Kho bạc|Ngân hàng|Thanh tra|Trường|Trung tâm)[^:]{1,140}):\s*(.*)$/su;

/**
 * One duty per numbered agency item of the implementation section. The reporting-regime item is the
 * plan's own bookkeeping, not an agency's duty, so it is left to the regime reader.
 */
export function extractDuties(roots: readonly SectionNode[]): PlanDuty[] {
  const node = findImplementationNode(roots);
  if (node === null) return [];
  const items = node.children.filter((child) => !isRegimeHeading(child.heading));
  if (items.length > 0) {
    return items.map((child) => ({
      ordinal: child.ordinal,
      agencyText: child.heading,
      paragraphs: flattenParagraphs(child),
    }));
  }
  // Plans without numbered items assign duties in bullets: "- Sở Tài chính: bố trí kinh phí …".
  const duties: PlanDuty[] = [];
  for (const paragraph of allNodes([node]).flatMap((n) => n.paragraphs)) {
    const m = AGENCY_BULLET.exec(paragraph);
    if (m?.[1] === undefined || isRegimeHeading(m[1])) continue;
    duties.push({
      ordinal: String(duties.length + 1),
      agencyText: m[1].trim(),
      paragraphs: m[2] ? [m[2].trim()] : [],
    });
  }
  return duties;
}
