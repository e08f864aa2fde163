import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeText, searchKey } from './normalize';
import { editDistance, editSimilarity, softTokenDice } from './similarity';

describe('normalizeText', () => {
  it('composes to NFC and collapses whitespace, line breaks included', () => {
    expect(normalizeText('  Sở\nCông   Thương\t ')).toBe('Sở Công Thương');
    expect(normalizeText('Hưng Yên'.normalize('NFD'))).toBe('Hưng Yên');
  });
});

describe('foldDiacritics', () => {
  it('removes tones and marks, đ included', () => {
    expect(foldDiacritics('Hưng Yên')).toBe('Hung Yen');
    expect(foldDiacritics('Đài Phát thanh, đường')).toBe('Dai Phat thanh, duong');
    expect(foldDiacritics('Ủy ban nhân dân, Uỷ ban')).toBe('Uy ban nhan dan, Uy ban');
  });
});

describe('searchKey', () => {
  it('is lowercase, folded and collapsed', () => {
    expect(searchKey('  SỞ CÔNG\nTHƯƠNG ')).toBe('so cong thuong');
    expect(searchKey('Hằng năm')).toBe(searchKey('hàng  năm'.replace('à', 'ằ')));
  });
});

describe('similarity', () => {
  it('measures edit distance', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editSimilarity('abc', 'abc')).toBe(1);
    expect(editSimilarity('', '')).toBe(1);
  });

  it('shares nearly equal tokens', () => {
    expect(softTokenDice(['cong', 'thuog'], ['cong', 'thuong'])).toBe(1);
    expect(softTokenDice(['van', 'lam'], ['van', 'giang'])).toBe(0.5);
    expect(softTokenDice([], [])).toBe(1);
    expect(softTokenDice(['a'], [])).toBe(0);
  });
});
