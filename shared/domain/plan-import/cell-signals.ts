import { searchKey } from '../text/normalize';
import { parseDeadline } from './deadline';
import { startsLowercase } from './lines';
import { wordCount } from './structure';

/*
 * What the text of a cell says about which column it sits in. Used to rebuild rows whose cell edges
 * the source lost: agency names open the lead and coordinator cells, deadlines fill the last one.
 */

const AGENCY_START =
  /^(bo|so|cuc|vu|vien|ban|uy ban|ubnd|hdnd|cac|co quan|co so|van phong|trung tam|cong an|dai|bao|hoi|tinh doan|thanh doan|lien doan|lien minh|ngan hang|kho bac|thanh tra|truong|dang uy|mat tran|doanh nghiep|chi cuc|toa an|vien kiem sat|bo chi huy|tong cuc|tap doan|tong cong ty|don vi|dia phuong|chinh phu|thu tuong|cong ty|hiep hoi|to chuc|nhan dan|chu tich|giam doc|lanh dao)\b/;

/** True when the text opens with an agency name ("Bộ Y tế", "Các sở, ngành", "UBND cấp huyện"). */
export function startsWithAgency(text: string, knownKey?: string): boolean {
  return AGENCY_START.test(knownKey ?? searchKey(text));
}

const DEADLINE_START =
  /^(quy|nam|thang|hang|thuong xuyen|tu|truoc|trong|den|da|dinh ky|giai doan|lien tuc|sau|hoan thanh|theo|cuoi|dau|giua|tuan|ngay|khi|\d)/;
const DEADLINE_PHRASE =
  /^(da hoan thanh|theo tien do|theo ke hoach|theo yeu cau|khi co|thuong xuyen|lien tuc)/;

/** Words a deadline cell is made of; a cell with many others is not a deadline. */
const DEADLINE_WORDS = new Set(
  'quy nam thang hang moi thuong xuyen tu den truoc trong giai doan dinh ky ki da hoan thanh va lien tuc cuoi dau giua ngay sau theo tien do ke hoach tung khi co yeu cau tuan i ii iii iv va, tiep tuc trien khai thuc hien'.split(
    ' ',
  ),
);

/** True for what a "Thời hạn" cell holds: "Quý I/2027", "Thường xuyên", "Hằng năm", "Đã hoàn thành". */
export function looksLikeDeadline(text: string, knownKey?: string): boolean {
  const key = knownKey ?? searchKey(text);
  if (key === '' || !DEADLINE_START.test(key) || wordCount(key) > 14) return false;
  const others = key
    .split(/[\s,;.()]+/)
    .filter((w) => w !== '' && !DEADLINE_WORDS.has(w) && !/\d/.test(w) && !/^[ivx]+\/?/.test(w));
  if (others.length > 2) return false;
  return DEADLINE_PHRASE.test(key) || parseDeadline(text).kind !== 'unknown';
}

/** Words a cell does not end on: the line broke inside a phrase ("Các cơ quan, tổ" / "chức"). */
const DANGLING_WORDS = new Set([
  'va',
  'cua',
  'cac',
  'voi',
  'cho',
  've',
  'trong',
  'tai',
  'theo',
  'doi',
  'co',
  'to',
  'don',
  'hoac',
  'nhung',
  'tu',
  'den',
  'o',
  'la',
  'duoc',
  'de',
  'nhan',
  'cap',
  'bo',
  'so',
  'cuc',
  'vu',
  'vien',
  'uy',
  'cung',
  'lien',
  'chu',
  'phoi',
  'khac',
  'thuc',
  'mot',
  'nganh',
]);

/** True when the text stops mid-phrase: a trailing comma or dash, or a word that needs a next one. */
export function endsDangling(text: string, knownKey?: string): boolean {
  const trimmed = text.trim();
  if (/[,\-–&/]$/.test(trimmed)) return true;
  if (/[.;:!?)]$/.test(trimmed)) return false;
  const last = (knownKey ?? searchKey(trimmed.split(' ').pop() ?? '')).split(' ').pop() ?? '';
  return DANGLING_WORDS.has(last);
}

export { startsLowercase };
