import { searchKey } from '../text/normalize';
import type { OrganisationKind } from './kinds';

/** A first guess of the kind of an agency the registry does not know yet; the officer can change it. */
export function guessOrganisationKind(name: string): OrganisationKind {
  const k = searchKey(name);
  if (/^(ubnd|uy ban nhan dan) (tinh|thanh pho truc thuoc)/.test(k)) return 'ubnd_tinh';
  if (/^(ubnd|uy ban nhan dan) (huyen|thi xa|thanh pho|quan|tp|tx)\b/.test(k)) return 'ubnd_huyen';
  if (/^(ubnd|uy ban nhan dan) (xa|phuong|thi tran)\b/.test(k)) return 'ubnd_xa';
  if (/^so\b/.test(k)) return 'so';
  if (/^(ban|bql)\b/.test(k)) return 'ban';
  if (/^(bao|dai|tap chi|cong thong tin)\b/.test(k)) return 'bao_dai';
  if (/^(hoi|hiep hoi|lien doan|doan|mat tran|lien minh|hoi dong)\b/.test(k)) return 'doan_the';
  if (/^(cong ty|tong cong ty|tap doan|doanh nghiep)\b/.test(k)) return 'doanh_nghiep';
  return 'khac';
}
