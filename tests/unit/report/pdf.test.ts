/**
 * PDF import: a government work report printed as the assembly prints it, with a running head,
 * or as a three-column newspaper page reads as the same paragraphs and outline as the report's
 * text; page furniture is gone and listed; scans, locked and broken PDFs are refused in Chinese.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReportBytes, importReportBytesAsync, summarizeOutline, type ParsedReport } from '../../../electron/core/report';
import { jobs } from '../../../electron/core/jobs/jobs';
import { ReviewDeskError } from '../../../electron/core/errors';
import { writeBundle } from '../../../electron/core/bundle/format';
import { tempStore } from '../../helpers/tempdb';
import { FIXTURES, importFixture } from './helpers';
import { encryptedPdf, minimalPdf, PDF_LAYOUTS, pdfFixture } from './pdfFiles';

const squash = (s: string) => s.replace(/\s+/g, '');

async function refusal(bytes: Uint8Array, name = '报告.pdf'): Promise<ReviewDeskError> {
  const e: unknown = await importReportBytesAsync(bytes, name).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReviewDeskError);
  return e as ReviewDeskError;
}

describe.each(PDF_LAYOUTS)('a report printed to PDF: $name', ({ name, source, furniture }) => {
  let parsed: ParsedReport;
  const text = importFixture(source);
  beforeAll(async () => {
    parsed = await importReportBytesAsync(pdfFixture(name), name);
  });

  it('reads at least 95% of the paragraphs exactly as the text file has them', () => {
    expect(parsed.sourceFormat).toBe('pdf');
    const got = new Set(parsed.blocks.map((b) => squash(b.text)));
    const found = text.blocks.filter((b) => got.has(squash(b.text)));
    expect(found.length / text.blocks.length).toBeGreaterThanOrEqual(0.95);
    expect(parsed.title).toBe(text.title);
  });

  it('leaves no header, footer, page number or masthead in the text, and lists what it removed', () => {
    // as often as in the text itself (the running head 政府工作报告 is also the report's title)
    const count = (r: ParsedReport, re: RegExp) => r.blocks.filter((b) => re.test(b.text)).length;
    for (const re of furniture) expect(count(parsed, re)).toBe(count(text, re));
    expect(parsed.blocks.some((b) => /^[-—－\s]*\d{1,3}[-—－\s]*$/.test(b.text))).toBe(false);
    const removed = parsed.artifacts.filter((a) => a.kind === 'page-number' || a.kind === 'print-header' || a.kind === 'print-footer');
    expect(removed.length).toBeGreaterThanOrEqual(3);
    for (const re of furniture) expect(removed.some((a) => re.test(a.text))).toBe(true);
    expect(parsed.repairs.some((r) => r.kind === 'artifact-removed' && /^删除了页[眉脚码]/.test(r.message))).toBe(true);
  });

  it('has the outline of the text file: the same parts and sections', () => {
    expect(summarizeOutline(parsed)).toEqual(summarizeOutline(text));
    const headings = (r: ParsedReport) =>
      r.blocks.filter((b) => b.kind === 'part' || b.kind === 'section').map((b) => `${b.path}|${squash(b.text).slice(0, 12)}`);
    expect(headings(parsed)).toEqual(headings(text));
  });
});

describe('PDFs the importer refuses', () => {
  it('refuses a scan (pages of pictures, no text) and says how to get a text version', async () => {
    const e = await refusal(pdfFixture('scan.pdf'));
    expect(e.code).toBe('import/pdf-scanned');
    expect(e.message).toBe('这份 PDF 是扫描图片，没有可提取的文字。请向会务组索取文字版（.docx 或可复制文字的 PDF）后再导入。');
  });

  it('refuses a PDF locked with an opening password', async () => {
    const e = await refusal(encryptedPdf());
    expect(e.code).toBe('import/pdf-encrypted');
    expect(e.message).toBe('这份 PDF 设有打开口令，请先在 PDF 阅读器中去除口令后再导入。');
  });

  it('refuses a truncated PDF and garbage behind a PDF header, without a stack', async () => {
    const truncated = pdfFixture('assembly-a4.pdf').slice(0, 4000);
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(3000));
    for (const bytes of [truncated, garbage]) {
      const e = await refusal(bytes);
      expect(e.code).toBe('import/pdf-invalid');
      expect(e.message).toBe('这份 PDF 已损坏或不是有效的 PDF 文件。');
      expect(e.message).not.toMatch(/\bat\b|Error|Exception/);
    }
  });

  it('refuses a PDF whose pages hold no text and no pictures', async () => {
    for (const bytes of [pdfFixture('blank.pdf'), minimalPdf({ content: 'BT /F1 12 Tf 72 720 Td ( ) Tj ET' })]) {
      const e = await refusal(bytes);
      expect(e.code).toBe('import/no-paragraphs');
      expect(e.message).toMatch(/PDF.*没有可提取的文字/);
    }
  });

  it('the synchronous importer points a developer to the asynchronous one', () => {
    expect(() => importReportBytes(pdfFixture('assembly-a4.pdf'), '报告.pdf')).toThrow(/importReportBytesAsync/);
  });
});

describe('PDF through the import paths', () => {
  it('a file without an extension that starts with %PDF- is read as a PDF', async () => {
    const parsed = await importReportBytesAsync(pdfFixture('assembly-a4.pdf'), '报告');
    expect(parsed.sourceFormat).toBe('pdf');
    expect(parsed.title).toBe('政府工作报告');
  });

  it('the import job awaits the PDF reader and answers what the text import answers for other formats', async () => {
    const fromJob = await jobs.parseReport({ bytes: pdfFixture('assembly-a4.pdf'), fileName: '报告.pdf' });
    expect(fromJob.blocks.length).toBe(importFixture('xianning-2024-gov-work-report.txt').blocks.length);
    await expect(jobs.parseReport({ bytes: pdfFixture('scan.pdf'), fileName: '扫描件.pdf' })).rejects.toMatchObject({ code: 'import/pdf-scanned' });
  });

  it('a bundle whose version came from a PDF is read, its source parsed again in the job, and imported elsewhere', async () => {
    const from = tempStore();
    const to = tempStore();
    try {
      const bytes = pdfFixture('newspaper-3col.pdf');
      const parsed = await importReportBytesAsync(bytes, '政府工作报告.pdf');
      const { versionId } = from.store.reports.importVersion({
        parsed,
        sourceName: '政府工作报告.pdf',
        sourceBytes: Buffer.from(bytes),
        label: '湖北日报刊载稿',
      });
      const bundle = writeBundle({
        createdAt: '2025-03-01T08:00:00.000Z',
        appVersion: 'test',
        author: '张代表',
        reportId: null,
        ...from.store.bundles.collect(),
      });
      const { contents, sources } = await jobs.readBundle({ bytes: bundle });
      expect(sources[versionId]).toEqual({ parsed });
      const result = to.store.bundles.import(contents, { sources });
      expect(result.versions.added).toBe(1);
    } finally {
      from.cleanup();
      to.cleanup();
    }
  });

  it('`parse FILE.pdf --json` prints the same shape as for a .txt', () => {
    const root = join(import.meta.dirname, '../../..');
    const run = (file: string) => spawnSync('npx', ['tsx', 'electron/cli.ts', 'parse', file, '--json'], { cwd: root, encoding: 'utf8' });
    const pdf = run(join(FIXTURES, 'pdf', 'assembly-a4.pdf'));
    const txt = run(join(FIXTURES, 'xianning-2024-gov-work-report.txt'));
    expect(pdf.status).toBe(0);
    const a = JSON.parse(pdf.stdout) as Record<string, unknown> & { blocks: object[]; sourceFormat: string };
    const b = JSON.parse(txt.stdout) as Record<string, unknown> & { blocks: object[] };
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a.blocks[0])).toEqual(Object.keys(b.blocks[0]));
    expect(a.sourceFormat).toBe('pdf');
  });
});
