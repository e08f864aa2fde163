import { describe, expect, it } from 'vitest';
import { guessOrganisationKind } from './guess-kind';

describe('guessing the kind of an unknown agency', () => {
  it.each([
    ['Sở Ngoại vụ', 'so'],
    ['Ban Dân tộc tỉnh', 'ban'],
    ['UBND huyện Văn Lâm', 'ubnd_huyen'],
    ['Ủy ban nhân dân thị xã Mỹ Hào', 'ubnd_huyen'],
    ['UBND xã Nghĩa Trụ', 'ubnd_xa'],
    ['UBND tỉnh Thái Bình', 'ubnd_tinh'],
    ['Báo Thái Bình', 'bao_dai'],
    ['Hội Nông dân tỉnh', 'doan_the'],
    ['Liên đoàn Lao động tỉnh', 'doan_the'],
    ['Công ty Điện lực Hưng Yên', 'doanh_nghiep'],
    ['Cục Thuế tỉnh', 'khac'],
  ] as const)('%s → %s', (name, kind) => {
    expect(guessOrganisationKind(name)).toBe(kind);
  });
});
