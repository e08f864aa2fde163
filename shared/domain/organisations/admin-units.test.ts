import { describe, expect, it } from 'vitest';
import { communeCommitteeName, countByType, parseAdminUnitCsv, unitName } from './admin-units';

describe('commune lists', () => {
  it('reads code, name and kind with Vietnamese or English headers, quotes and a BOM', () => {
    const { units, problems } = parseAdminUnitCsv(
      '\uFEFFMã,Tên,Loại\r\n11953,Phường Phố Hiến,phường\r\n"12004","Xã Như Quỳnh",Xã\r\n30001,Côn Đảo,đặc khu\r\n',
    );
    expect(problems).toEqual([]);
    expect(units.map((u) => [u.code, u.name, u.type])).toEqual([
      ['11953', 'Phường Phố Hiến', 'phuong'],
      ['12004', 'Xã Như Quỳnh', 'xa'],
      ['30001', 'Đặc khu Côn Đảo', 'dac_khu'],
    ]);
    expect(countByType(units.map((u) => u.type))).toEqual({ xa: 1, phuong: 1, thi_tran: 0, dac_khu: 1 });
  });

  it('reports every bad line, a repeated code and a missing column, in Vietnamese', () => {
    const bad = parseAdminUnitCsv('code,name,kind\nabc,Xã A,xã\n1,Xã B,làng\n1,Xã C,xã\n');
    expect(bad.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(bad.problems[2]!.message).toBe('Mã 1 đã có ở dòng 3.');
    expect(parseAdminUnitCsv('code,name\n1,Xã A\n').problems[0]!.message).toBe(
      'Dòng tiêu đề thiếu cột loại (kind).',
    );
  });

  it('names the committee of a unit as the registry writes it', () => {
    expect(communeCommitteeName('Phường Phố Hiến', 'phuong')).toBe('UBND phường Phố Hiến');
    expect(unitName('Thị trấn Như Quỳnh', 'thi_tran')).toBe('Thị trấn Như Quỳnh');
    expect(communeCommitteeName('Tân Hưng', 'xa')).toBe('UBND xã Tân Hưng');
  });
});
