import { describe, expect, it } from 'vitest';
import { basisText } from './consolidated-sections';

describe('basisText', () => {
  it('names how many agencies the document is drawn from', () => {
    expect(basisText(3)).toBe('trên cơ sở báo cáo của 3 cơ quan, đơn vị đã được tiếp nhận');
  });
  it('says the document rests on the tracked data when no report was accepted', () => {
    expect(basisText(0)).not.toContain('0 cơ quan');
    expect(basisText(0)).toContain('chưa có báo cáo của cơ quan, đơn vị nào được tiếp nhận');
  });
});
