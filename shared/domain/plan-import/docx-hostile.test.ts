import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxText } from './parse-docx';
import { readPlanUpload } from './read-upload';

/*
 * Hostile .docx files, each the attack itself: what used to block the server for seconds or use
 * gigabytes of memory must now be refused with a message (or read) without either.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

function docx(documentXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = typeof documentXml === 'string' ? strToU8(documentXml) : documentXml;
  return zipSync(
    { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': xml, ...extra },
    { level: 9 },
  );
}

/** Rewrites every declared uncompressed size in the archive, as a forged zip bomb does. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= out.length) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && i + 28 <= out.length) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** 24 MB of spaces as document.xml: about 24 KB zipped, eight times the 3 MB cap. */
let bomb: Uint8Array | null = null;
const zipBomb = () => {
  bomb ??= docx(new Uint8Array(24 * 1024 * 1024).fill(0x20));
  return bomb;
};

const errorCode = (r: ReturnType<typeof readDocxText>) => (r.ok ? 'ok' : r.error.code);

describe('hostile .docx uploads', () => {
  it('refuses a zip bomb (a few KB unpacking to 24 MB) before inflating it', () => {
    expect(zipBomb().length).toBeLessThan(300 * 1024);
    const r = readDocxText(zipBomb());
    expect(errorCode(r)).toBe('docx_too_large');
    if (!r.ok) expect(r.error.message).toContain('3 MB');
  });

  it('stops inflating a bomb whose headers claim a small size, at the cap', () => {
    const forged = lieAboutSizes(zipBomb(), 1000);
    expect(errorCode(readDocxText(forged))).toBe('docx_too_large');
  });

  it('refuses a package with thousands of parts', () => {
    const parts: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2500; i++) parts[`word/media/p${i}.bin`] = new Uint8Array(0);
    const r = readDocxText(docx(wrap('<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'), parts));
    expect(errorCode(r)).toBe('docx_too_many_parts');
  });

  it('refuses 20,000-deep nesting with a message, without recursing', () => {
    const depth = 20_000;
    const xml = wrap(`${'<w:sdt>'.repeat(depth)}<w:p/>${'</w:sdt>'.repeat(depth)}`);
    const r = readDocxText(docx(xml));
    expect(errorCode(r)).toBe('docx_too_deep');
    if (!r.ok) expect(r.error.message).toMatch(/lồng nhau quá sâu/);
  });

  it('refuses markup made of hundreds of thousands of tiny elements', () => {
    const r = readDocxText(docx(wrap('<w:p/>'.repeat(320_000))));
    expect(errorCode(r)).toBe('docx_too_complex');
  });

  it('refuses the quadratic-tokenizer inputs (runs of unclosed comments, mismatched closing tags) as malformed', () => {
    const comments = readDocxText(docx(wrap('<!--'.repeat(200_000))));
    expect(errorCode(comments)).toBe('docx_malformed');
    const closers = readDocxText(docx(wrap(`${'<a>'.repeat(200)}${'</b>'.repeat(50_000)}`)));
    expect(errorCode(closers)).toBe('docx_malformed');
    const angles = readDocxText(docx(wrap('<'.repeat(300_000))));
    expect(errorCode(angles)).toBe('docx_malformed');
  });

  it('names the line of broken XML, and refuses truncated archives and undefined entities', () => {
    const broken = readDocxText(docx('<?xml version="1.0"?>\n<w:document>\n<w:body><w:p></w:body>'));
    expect(errorCode(broken)).toBe('docx_malformed');
    if (!broken.ok) expect(broken.error.message).toContain('dòng 3');
    const whole = docx(wrap('<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'));
    expect(readDocxText(whole.subarray(0, whole.length - 30)).ok).toBe(false);
    const laughs = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const r = readDocxText(docx(laughs));
    expect(r.ok ? r.text.includes('aaaa') : false).toBe(false);
  });

  it('still reads entities, CDATA, tabs and breaks the way Word writes them', () => {
    const r = readDocxText(
      docx(
        wrap(
          '<w:p><w:r><w:t>A &amp; B&#x20;</w:t><w:tab/><w:t><![CDATA[C]]></w:t><w:br/><w:t>D</w:t></w:r></w:p>',
        ),
      ),
    );
    expect(r).toEqual({ ok: true, text: 'A & B  C\nD' });
  });

  it('answers a bomb uploaded as a plan with the refusal, not a draft', async () => {
    const r = await readPlanUpload('ke-hoach.docx', zipBomb());
    expect(r).toMatchObject({ ok: false, error: { code: 'docx_too_large' } });
  });
});
