import { describe, expect, it } from 'vitest';
import { addresseeOf } from './proposal-addressee';

describe('the level a proposal is addressed to', () => {
  it('reads the central government, a ministry or the province from the words', () => {
    expect(addresseeOf('Đề nghị Bộ Công Thương sớm ban hành hướng dẫn')).toBe('central');
    expect(addresseeOf('Kiến nghị Chính phủ sửa Nghị định 68/2017/NĐ-CP')).toBe('central');
    expect(addresseeOf('Đề nghị UBND tỉnh bố trí vốn đầu tư hạ tầng')).toBe('province');
    expect(addresseeOf('Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở phối hợp')).toBe('province');
    expect(addresseeOf('Đề nghị các Bộ, ngành và UBND tỉnh quan tâm')).toBe('central');
  });

  it('files the rest as other proposals', () => {
    expect(addresseeOf('Tăng cường phối hợp giữa các đơn vị')).toBe('other');
    expect(addresseeOf('Đề nghị bổ sung biên chế cho phòng chuyên môn')).toBe('other');
  });
});
