/** Report engine speed: parsing a very long report, and importing the bundled one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';
import type { BenchCase } from '../types';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name));

/** The four corpus reports as text (docx through the importer), repeated to about 1 MB. */
function oneMegabyteReport(): string {
  const texts = [
    read('xianning-2024-gov-work-report.txt').toString('utf8'),
    read('state-council-2024-gov-work-report.txt').toString('utf8'),
    ...['hubei-2025-gov-work-report.docx', 'beijing-2025-gov-work-report.docx'].map((name) =>
      importReportBytes(read(name), name)
        .blocks.map((b) => b.text)
        .join('\n\n'),
    ),
  ];
  const corpus = texts.join('\n\n');
  const parts: string[] = [];
  let size = 0;
  while (size < 1024 * 1024) {
    parts.push(corpus);
    size += Buffer.byteLength(corpus, 'utf8');
  }
  return parts.join('\n\n');
}

export const cases: BenchCase[] = [
  {
    name: 'parse 1 MB report',
    target: '< 100 ms',
    setup: () => oneMegabyteReport(),
    fn: (text: string) => parseReportText(text),
    iterations: 15,
  },
  {
    // A web page saved from a browser: the same 1 MB, one <p> per paragraph, read by the tag stripper.
    name: 'parse 1 MB report as HTML',
    target: '< 150 ms',
    setup: () =>
      '<!DOCTYPE html><html><head><style>p{}</style></head><body>' +
      oneMegabyteReport()
        .split(/\n+/)
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('\n') +
      '</body></html>',
    fn: (html: string) => parseReportText(html, { format: 'html' }),
    iterations: 10,
  },
  {
    name: 'import bundled report',
    target: '< 20 ms',
    setup: () => read('xianning-2024-gov-work-report.txt'),
    fn: (bytes: Uint8Array) => importReportBytes(bytes, 'xianning-2024-gov-work-report.txt'),
  },
  {
    name: 'import docx report (Beijing)',
    setup: () => read('beijing-2025-gov-work-report.docx'),
    fn: (bytes: Uint8Array) => importReportBytes(bytes, 'beijing-2025-gov-work-report.docx'),
  },
];
