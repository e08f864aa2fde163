/**
 * Hostile inputs for the fuzz run (scripts/reliability/fuzz.ts) and its fixed-seed CI subset
 * (server/modules/plan-import/upload-fuzz.http.test.ts): mutations of real documents, generated with
 * fast-check from a fixed seed so every run sees the same inputs and a finding can be replayed by its
 * index. Bases: the sample plan text (fixtures/plans), a .docx made from it, and an .xlsx values
 * sheet in the layout the indicator import reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { VALUE_COLUMNS, VALUES_SHEET } from '../modules/indicators/xlsx-layout';

export const SAMPLE_PLAN_TEXT = readFileSync(
  path.join(import.meta.dirname, '../../fixtures/plans/hung-yen-148-KH-UBND-2021.txt'),
  'utf8',
);

/** Pieces that reach deep into the readers: structure of plans, of WordprocessingML, of XML itself. */
const TOKENS = [
  '\n',
  '|',
  '\n|\n',
  'I. ',
  '1. ',
  '- ',
  'Số: 12/KH-UBND',
  'ngày 31 tháng 2 năm 2024',
  'Chế độ báo cáo',
  'TỔ CHỨC THỰC HIỆN',
  'Cơ quan chủ trì',
  '<w:p>',
  '</w:p>',
  '<w:r><w:t>',
  '</w:t></w:r>',
  '<w:tbl><w:tr><w:tc>',
  '</w:tc></w:tr></w:tbl>',
  '<w:br/>',
  '<w:gridSpan w:val="99999"/>',
  '&amp;',
  '&#x0;',
  '&#1114112;',
  '&unknown;',
  ']]>',
  '<![CDATA[',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '<?xml version="1.0"?>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<row r="1048577">',
  '<v>1e308</v>',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\u202E',
];

/** Words of the documents' own language and numbers, so inserted text reads like a plan or a sheet. */
const WORDS = [
  'Sở',
  'Công',
  'Thương',
  'UBND',
  'tỉnh',
  'nhiệm',
  'vụ',
  'năm',
  '2025',
  '12,5%',
  '1.234,56',
  'tỷ đồng',
  'Quý III/2023',
  'Hằng năm',
  'chủ trì',
  'phối hợp',
  'Ước tính',
  'Sơ bộ',
  'Chính thức',
  '-1e9',
  'NaN',
  '31/02/2024',
];

type Op =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'token'; at: number; token: string; times: number }
  | { kind: 'duplicate'; at: number; len: number; times: number }
  | { kind: 'move'; from: number; to: number; len: number }
  | { kind: 'truncate'; at: number };

const position = fc.nat();
const textOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, len: fc.nat({ max: 3000 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    ),
  }),
  fc.record({
    kind: fc.constant('token' as const),
    at: position,
    token: fc.constantFrom(...TOKENS),
    times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 100, max: 3000 })),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    len: fc.integer({ min: 1, max: 400 }),
    times: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('move' as const), from: position, to: position, len: fc.nat({ max: 2000 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

export const textMutations = fc.array(textOp, { minLength: 1, maxLength: 4 });

/** Applies mutations to a text; positions wrap around its length so every op lands somewhere. */
export function mutateText(base: string, ops: readonly Op[]): string {
  let s = base;
  // Positions never split a surrogate pair: a broken pair is the encoding check's business, and the
  // 'token' op inserts one on purpose.
  const whole = (i: number) => {
    const c = s.charCodeAt(i);
    return i > 0 && i < s.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
  };
  const at = (n: number) => whole(s.length === 0 ? 0 : n % (s.length + 1));
  for (const op of ops) {
    switch (op.kind) {
      case 'delete': {
        const i = at(op.at);
        s = s.slice(0, i) + s.slice(whole(i + op.len));
        break;
      }
      case 'insert': {
        const i = at(op.at);
        s = s.slice(0, i) + op.text + s.slice(i);
        break;
      }
      case 'token': {
        const i = at(op.at);
        s = s.slice(0, i) + op.token.repeat(op.times) + s.slice(i);
        break;
      }
      case 'duplicate': {
        const i = at(op.at);
        s = s.slice(0, i) + s.slice(i, whole(i + op.len)).repeat(op.times) + s.slice(i);
        break;
      }
      case 'move': {
        const i = at(op.from);
        const end = whole(i + op.len);
        const piece = s.slice(i, end);
        s = s.slice(0, i) + s.slice(end);
        const j = at(op.to);
        s = s.slice(0, j) + piece + s.slice(j);
        break;
      }
      case 'truncate':
        s = s.slice(0, at(op.at));
        break;
    }
  }
  return s;
}

type ByteOp = { at: number; bytes: Uint8Array } | { cut: number };
const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ cut: position }),
);
export const byteMutations = fc.array(byteOp, { minLength: 1, maxLength: 4 });

/** `arb` once in `every` inputs, null otherwise (byte damage on top of a structured mutation). */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** Overwrites bytes or cuts the file short: what a broken download or a hostile client sends. */
export function mutateBytes(base: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  let b = Uint8Array.from(base);
  for (const op of ops) {
    if ('cut' in op) b = b.slice(0, op.cut % (b.length + 1));
    else if (b.length > 0) {
      const i = op.at % b.length;
      b.set(op.bytes.slice(0, b.length - i), i);
    }
  }
  return b;
}

/**
 * Mutates the text of one XML text node (the content of a cell or a run), so the file stays well-formed
 * and the reader gets past the XML to its own rules; the other inputs break the structure itself.
 */
export function mutateXmlText(xml: string, node: number, ops: readonly Op[]): string {
  const nodes = [...xml.matchAll(/>([^<]*[^<\s][^<]*)</g)];
  if (nodes.length === 0) return xml;
  const m = nodes[node % nodes.length]!;
  const start = m.index + 1;
  const text = m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return xml.slice(0, start) + escapeXml(mutateText(text, ops)) + xml.slice(start + m[1]!.length);
}

/** An XML part mutated either inside one text node (well-formed) or anywhere (structure broken). */
const xmlMutation = fc.record({
  insideText: fc.oneof(
    { weight: 2, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  node: fc.nat(),
  ops: textMutations,
});
const applyXmlMutation = (xml: string, m: { insideText: boolean; node: number; ops: Op[] }) =>
  m.insideText ? mutateXmlText(xml, m.node, m.ops) : mutateText(xml, m.ops);

const escapeXml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** The sample plan as WordprocessingML: one paragraph per line. */
export const SAMPLE_DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${SAMPLE_PLAN_TEXT.split(
  '\n',
)
  .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
  .join('')}<w:sectPr/></w:body></w:document>`;

export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const SAMPLE_INDICATOR_CODE = 'CS_01';

/** A values workbook in the import's layout with a few rows, as ExcelJS writes it. */
export async function sampleValuesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(VALUES_SHEET);
  sheet.addRow(VALUE_COLUMNS.map((c) => c.header));
  for (let i = 0; i < 5; i++) {
    sheet.addRow([
      SAMPLE_INDICATOR_CODE,
      'Tốc độ tăng trưởng',
      '%',
      2020 + i,
      6.5 + i,
      'Sơ bộ',
      'Cục Thống kê',
      '',
      '',
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type FuzzKind = 'plan-text' | 'plan-docx' | 'values-xlsx' | 'attachment';

export interface FuzzInput {
  kind: FuzzKind;
  filename: string;
  bytes: Uint8Array;
}

/** Media a reporter may attach, with the magic bytes the server checks, and some that it refuses. */
const ATTACHMENT_HEADS = [
  { name: 'qd.pdf', head: '%PDF-1.7\n' },
  { name: 'anh.png', head: '\x89PNG\r\n\x1a\n' },
  { name: 'anh.jpg', head: '\xff\xd8\xff\xe0' },
  { name: 'bang.xlsx', head: 'PK\x03\x04' },
  { name: 'van-ban.doc', head: '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' },
  { name: 'script.html', head: '<html><script>alert(1)</script>' },
  { name: 'rong.pdf', head: '' },
];

const filenameArb = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '../../etc/passwd',
    'a"b.pdf',
    'báo cáo ✓.pdf',
    `${'x'.repeat(5000)}.pdf`,
    'con.pdf',
    '\u0000.pdf',
  ),
);

/**
 * `count` inputs of one kind from `seed`. The same seed and count give the same inputs, in order, so
 * a finding is named by (kind, seed, index).
 */
export async function fuzzInputs(kind: FuzzKind, seed: number, count: number): Promise<FuzzInput[]> {
  const sample = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { seed, numRuns: count });
  switch (kind) {
    case 'plan-text':
      return sample(fc.tuple(textMutations, sometimes(byteMutations, 6))).map(([ops, bytesOps]) => {
        const bytes = new TextEncoder().encode(mutateText(SAMPLE_PLAN_TEXT, ops));
        return { kind, filename: 'ke-hoach.txt', bytes: bytesOps ? mutateBytes(bytes, bytesOps) : bytes };
      });
    case 'plan-docx': {
      const out: FuzzInput[] = [];
      for (const [m, bytesOps] of sample(fc.tuple(xmlMutation, sometimes(byteMutations, 5)))) {
        const zip = await zipOf({
          '[Content_Types].xml': CONTENT_TYPES,
          'word/document.xml': applyXmlMutation(SAMPLE_DOCUMENT_XML, m),
        });
        out.push({ kind, filename: 'ke-hoach.docx', bytes: bytesOps ? mutateBytes(zip, bytesOps) : zip });
      }
      return out;
    }
    case 'values-xlsx': {
      const base = await JSZip.loadAsync(await sampleValuesWorkbook());
      const parts = Object.keys(base.files).filter((n) => n.endsWith('.xml'));
      // The sheet and its strings hold the data: mutated three times as often as the other parts.
      const data = parts.filter((n) => n.includes('worksheets/') || n.includes('sharedStrings'));
      const weighted = [...data, ...data, ...parts];
      const originals: Record<string, string> = {};
      for (const n of Object.keys(base.files)) {
        if (!base.files[n]!.dir) originals[n] = await base.file(n)!.async('string');
      }
      const out: FuzzInput[] = [];
      for (const [part, m, bytesOps] of sample(
        fc.tuple(fc.constantFrom(...weighted), xmlMutation, sometimes(byteMutations, 5)),
      )) {
        const zip = await zipOf({ ...originals, [part]: applyXmlMutation(originals[part]!, m) });
        out.push({ kind, filename: 'so-lieu.xlsx', bytes: bytesOps ? mutateBytes(zip, bytesOps) : zip });
      }
      return out;
    }
    case 'attachment':
      return sample(
        fc.tuple(
          fc.constantFrom(...ATTACHMENT_HEADS),
          fc.uint8Array({ maxLength: 4096 }),
          filenameArb,
          fc.boolean(),
        ),
      ).map(([head, body, name, keepName]) => ({
        kind,
        filename: keepName ? head.name : name,
        bytes: new Uint8Array([...Buffer.from(head.head, 'latin1'), ...body]),
      }));
  }
}
