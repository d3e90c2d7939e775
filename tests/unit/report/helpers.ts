/** Fixture loading and tiny .docx builders for the report engine tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importReportBytes, type ParsedReport } from '../../../electron/core/report/index';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');
export const XIANNING = 'xianning-2024-gov-work-report.txt';
export const STATE_COUNCIL = 'state-council-2024-gov-work-report.txt';
export const HUBEI = 'hubei-2025-gov-work-report.docx';
export const BEIJING = 'beijing-2025-gov-work-report.docx';

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function importFixture(name: string): ParsedReport {
  return importReportBytes(fixtureBytes(name), name);
}

export function blocksOfKind(report: ParsedReport, kind: string) {
  return report.blocks.filter((b) => b.kind === kind);
}

/** bold: 'off' writes an explicit <w:b w:val="0"/>, which must override a bold style. */
export type Run = string | { text: string; bold?: boolean | 'off'; style?: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runXml(run: Run): string {
  const r = typeof run === 'string' ? { text: run } : run;
  const props = [r.style ? `<w:rStyle w:val="${r.style}"/>` : '', r.bold === 'off' ? '<w:b w:val="0"/>' : r.bold ? '<w:b/><w:bCs/>' : ''].join('');
  const parts = r.text
    .split(/(\t|\n)/)
    .map((piece) => (piece === '\t' ? '<w:tab/>' : piece === '\n' ? '<w:br/>' : piece ? `<w:t xml:space="preserve">${esc(piece)}</w:t>` : ''));
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${parts.join('')}</w:r>`;
}

/** A minimal but real .docx: one w:p per paragraph, runs with optional bold or character style. */
export function makeDocx(paragraphs: (Run[] | { style: string; runs: Run[] })[], stylesXml?: string): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const { style, runs } = Array.isArray(p) ? { style: undefined, runs: p } : p;
      return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.map(runXml).join('')}</w:p>`;
    })
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(document),
  };
  if (stylesXml) files['word/styles.xml'] = strToU8(stylesXml);
  return zipSync(files);
}
