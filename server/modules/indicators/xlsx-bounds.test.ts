import ExcelJS from 'exceljs';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkXlsxBounds } from './xlsx-bounds';
import { readValuesWorkbook } from './xlsx-read';

async function valuesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Số liệu').addRow(['Mã chỉ số', 'Năm', 'Giá trị']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same workbook with one more part of `mb` MB of zeros: a few hundred KB once compressed. */
function withBomb(xlsx: Uint8Array, mb: number): Uint8Array {
  const parts: Zippable = { ...unzipSync(xlsx) };
  parts['xl/media/bom.bin'] = [new Uint8Array(mb * 1024 * 1024), { level: 9 }];
  return zipSync(parts);
}

describe('values workbook bounds', () => {
  it('lets an ordinary workbook through', async () => {
    expect(checkXlsxBounds(await valuesWorkbook())).toEqual({ ok: true });
  });

  it('refuses a workbook that unpacks past the cap, in Vietnamese, before exceljs inflates it', async () => {
    const bomb = withBomb(await valuesWorkbook(), 60);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const reading = await readValuesWorkbook(bomb);
    expect(reading.ok).toBe(false);
    expect(reading.problems[0]?.message).toContain('khi giải nén vượt quá 40 MB');
  });

  it('is not fooled by a part whose header claims to be small', () => {
    const bomb = withBomb(new Uint8Array(zipSync({ 'a.xml': strToU8('<a/>') })), 45);
    // Rewrite the declared (uncompressed) size of every entry to 1 byte, in local and central headers.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1, true);
    }
    expect(checkXlsxBounds(bomb)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses a package of too many parts', () => {
    const parts: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1001; i++) parts[`p${i}.xml`] = strToU8('<a/>');
    expect(checkXlsxBounds(zipSync(parts))).toEqual({ ok: false, reason: 'too_many_entries' });
  });
});
