import { readPdfText } from './pdf-text';

/**
 * A one-page PDF with a few lines of text, built here so the server needs no file for it. Offsets in the
 * cross-reference table are computed, so pdfjs reads it as a well-formed document.
 */
function tinyPdf(): Uint8Array {
  const lines = ['KE HOACH', 'Thuc hien nhiem vu nam', '1. Xay dung de an | So Cong Thuong | 2026'];
  const stream = `BT /F1 12 Tf 72 720 Td ${lines.map((l) => `(${l}) Tj 0 -16 Td`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * Loads pdfjs-dist and reads a tiny PDF once, shortly after the server starts, so the first officer to
 * upload a PDF does not wait the ~2 s that loading and compiling the reader takes (docs/PERFORMANCE.md,
 * "PDF plans"). Failure here is harmless: the upload path loads the reader itself.
 */
export async function warmUpPdfReader(): Promise<boolean> {
  try {
    const r = await readPdfText(tinyPdf());
    return r.kind === 'text';
  } catch {
    return false;
  }
}
