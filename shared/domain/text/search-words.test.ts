import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_WORDS, matchesAllWords, searchWords } from './search-words';

describe('searchWords', () => {
  it('folds case and diacritics, đ to d, so typing without accents finds the accented text', () => {
    expect(searchWords('quan ly')).toEqual(['quan', 'ly']);
    expect(matchesAllWords('Tăng cường quản lý nhà nước', searchWords('quan ly'))).toBe(true);
    expect(matchesAllWords('Sở Tài chính', searchWords('so tai chinh'))).toBe(true);
    expect(matchesAllWords('Đẩy mạnh đầu tư', searchWords('day manh dau tu'))).toBe(true);
    expect(searchWords('ĐƯỜNG Đô thị')).toEqual(['duong', 'do', 'thi']);
  });

  it('gives the same words for composed and decomposed input and for the accented query', () => {
    expect(searchWords('Quản lý'.normalize('NFD'))).toEqual(['quan', 'ly']);
    expect(searchWords('QUẢN  LÝ ')).toEqual(['quan', 'ly']);
  });

  it('needs every word, in any order', () => {
    const words = searchWords('148 ke hoach');
    expect(matchesAllWords('Kế hoạch số 148/KH-UBND', words)).toBe(true);
    expect(matchesAllWords('Kế hoạch số 149/KH-UBND', words)).toBe(false);
    expect(matchesAllWords('Sở Tài nguyên', searchWords('so tai chinh'))).toBe(false);
  });

  it('drops LIKE wildcards and repeated words and keeps at most a bounded number of words', () => {
    expect(searchWords('50% _x_ a\\b')).toEqual(['50', 'x', 'ab']);
    expect(searchWords('so so SỞ')).toEqual(['so']);
    expect(searchWords('%%% __')).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(many)).toHaveLength(MAX_SEARCH_WORDS);
  });
});
