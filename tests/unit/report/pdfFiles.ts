/**
 * The PDF fixtures (printed by scripts/make-pdf-fixtures.mjs from the corpus texts) and the few
 * broken PDFs the importer must refuse, built here byte by byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers';

export const PDF_LAYOUTS = [
  { name: 'assembly-a4.pdf', source: 'xianning-2024-gov-work-report.txt', furniture: [/^—\s*\d+\s*—$/] },
  { name: 'running-header-a4.pdf', source: 'state-council-2024-gov-work-report.txt', furniture: [/^第\s*\d+\s*页$/, /^政府工作报告$/] },
  { name: 'newspaper-3col.pdf', source: 'xianning-2024-gov-work-report.txt', furniture: [/湖北日报/, /2025年1月20日/, /星期一/, /第\s*\d+\s*版/] },
] as const;

export function pdfFixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, 'pdf', name));
}

/** A one-page PDF around the given page content, optionally with extra trailer entries; xref offsets are exact. */
export function minimalPdf(opts: { content?: string; trailer?: string; objects?: string[] } = {}): Uint8Array {
  const content = opts.content ?? 'BT /F1 12 Tf 72 720 Td (Hello) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...(opts.objects ?? []),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${opts.trailer ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed * 11) % 256).toString(16).padStart(2, '0')).join('');

/**
 * Encrypted with the standard security handler (RC4, revision 3) and a user password that is not
 * empty: /O and /U are not those of the empty password, so no reader opens it without one.
 */
export function encryptedPdf(): Uint8Array {
  return minimalPdf({
    objects: [`<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex(32, 1)}> /U <${hex(32, 2)}> >>`],
    trailer: `/Encrypt 6 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]`,
  });
}
