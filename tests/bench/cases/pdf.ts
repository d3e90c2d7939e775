/**
 * PDF import as the user waits for it: a 100-page assembly print (the State Council report seven
 * times over, printed by Chromium with — N — page numbers, as scripts/make-pdf-fixtures.mjs prints
 * the test fixtures) sent to reports.import through the host, parsed by pdfjs in the job worker
 * and stored — side by side with the .txt of the same text on the same path. Warm: the host's
 * worker has read a PDF before (pdfjs loaded). Cold: a fresh host for every import, as the first
 * PDF after starting the app (the worker starts and loads pdfjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchCase } from '../types';
import { startHost, type RunningHost } from '../../helpers/host';
import { launch } from '../../helpers/browser';
import { FIXTURES } from '../../helpers/tempdb';

const COPIES = 7;

function reportText(): string {
  const text = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'), 'utf8');
  return Array(COPIES).fill(text).join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function printPdf(text: string): Promise<{ bytes: Buffer; pages: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const paragraphs = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
      body { font-family: 'Noto Sans CJK SC', sans-serif; margin: 0; }
      p { font-size: 12pt; line-height: 1.5; text-indent: 2em; margin: 0 0 3pt; text-align: justify; }
      </style></head><body>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</body></html>`,
    );
    const bytes = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%;text-align:center;font-size:10pt;">— <span class="pageNumber"></span> —</div>`,
      margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '26mm' },
    });
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { bytes, pages };
  } finally {
    await browser.close();
  }
}

interface Ctx {
  host: RunningHost;
  fileName: string;
  dataBase64: string;
}

function importCase(name: string, make: () => Promise<{ fileName: string; bytes: Buffer }>, opts: { baseline?: string; cold?: boolean } = {}): BenchCase {
  return {
    name,
    baseline: opts.baseline,
    iterations: opts.cold ? 5 : 8,
    async setup(): Promise<Ctx> {
      const { fileName, bytes } = await make();
      return { host: await startHost(), fileName, dataBase64: bytes.toString('base64') };
    },
    // untimed: a fresh host (and so a fresh job worker) before each cold import
    before: opts.cold
      ? async (c: Ctx) => {
          await c.host.stop();
          c.host = await startHost();
        }
      : undefined,
    fn: (c: Ctx) => c.host.call('reports.import', { fileName: c.fileName, dataBase64: c.dataBase64 }),
    teardown: (c: Ctx) => c.host.stop(),
  };
}

const txtFile = () => Promise.resolve({ fileName: '国务院报告七遍.txt', bytes: Buffer.from(reportText(), 'utf8') });
let printed: Promise<{ fileName: string; bytes: Buffer }> | undefined;
/** Printed once, shared by the warm and the cold case. */
const pdfFile = () =>
  (printed ??= printPdf(reportText()).then(({ bytes, pages }) => {
    process.stderr.write(`  (the PDF: ${pages} pages, ${(bytes.length / 1024 / 1024).toFixed(1)} MB)\n`);
    return { fileName: '国务院报告七遍.pdf', bytes };
  }));

const TXT = `import ${COPIES}× State Council report as .txt through the host`;
const TXT_COLD = `${TXT}, cold (fresh host each time)`;

export const cases: BenchCase[] = [
  importCase(TXT, txtFile),
  importCase('import the same as a ~100-page PDF through the host', pdfFile, { baseline: TXT }),
  importCase(TXT_COLD, txtFile, { cold: true }),
  importCase('import the ~100-page PDF through the host, cold (fresh host each time)', pdfFile, { baseline: TXT_COLD, cold: true }),
];
