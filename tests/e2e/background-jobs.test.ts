/**
 * Long jobs run off the host's main thread: while a big report is being parsed the app keeps
 * answering, and an import that runs past its time limit is stopped with a Chinese message
 * (HTTP 422) instead of freezing everything — and the app goes on working afterwards.
 * Against the real built host (out/host/index.cjs starting out/worker/jobs.cjs) over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { strToU8, zipSync } from 'fflate';
import { startHost, type RunningHost } from '../helpers/host';
import { FIXTURES } from '../helpers/tempdb';

const reportText = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'), 'utf8');

/**
 * A valid .docx whose document.xml is ~45 MB (every character in its own formatted run, as some
 * converters write them): small to send, a second or so to parse, a modest report once parsed.
 */
function slowDocx(): string {
  const lines = reportText.split('\n').filter((l) => l.trim());
  const esc = (c: string) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c);
  const run = (c: string) =>
    `<w:r><w:rPr><w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t>${esc(c)}</w:t></w:r>`;
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < 45e6; i++) {
    const p = `<w:p>${[...lines[i % lines.length]].map(run).join('')}</w:p>`;
    paragraphs.push(p);
    size += Buffer.byteLength(p);
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}<w:sectPr/></w:body></w:document>`;
  return Buffer.from(zipSync({ 'word/document.xml': strToU8(document) })).toString('base64');
}

const smallReport = Buffer.from(reportText).toString('base64');
let slow = '';

beforeAll(() => {
  slow = slowDocx();
});

describe('a long import runs in the background', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host?.stop());

  it('other calls answer while a big report is still being parsed', async () => {
    const before = (await host.call<{ id: string }[]>('reports.list')).length;
    const { startVersionId } = await host.call<{ startVersionId: string }>('app.info');
    let importDone = false;
    const importing = host
      .call<{ versionId: string; report: { versions: unknown[] } }>('reports.import', { fileName: '逐字排版的报告.docx', dataBase64: slow })
      .finally(() => {
        importDone = true;
      });
    await sleep(200); // let the host receive the import before asking something else

    const [reports, annotations] = await Promise.all([
      host.call<unknown[]>('reports.list'),
      host.call<unknown[]>('annotations.list', { versionId: startVersionId }),
    ]);
    // Answered while the import was still running: parsing does not hold up the host.
    expect(importDone).toBe(false);
    expect(reports).toHaveLength(before);
    expect(annotations).toEqual([]);

    const imported = await importing;
    expect(imported.report.versions).toHaveLength(1);
    expect(await host.call<unknown[]>('reports.list')).toHaveLength(before + 1);
    const doc = await host.call<{ blocks: { text: string }[] }>('reports.get', { versionId: imported.versionId });
    expect(doc.blocks.some((b) => b.text.includes('政府工作报告'))).toBe(true);
  });

  it('the proofreading check and the compare view of the new version work through the worker as well', async () => {
    const { id: reportId, versions } = (await host.call<{ id: string; versions: { id: string }[] }[]>('reports.list'))[0];
    const review = await host.call<{ findings: unknown[]; rules: unknown[] }>('review.check', { versionId: versions[0].id });
    expect(review.rules.length).toBeGreaterThan(3);
    // Another report offered as a version would be questioned (reports.import's `accept`); here it is deliberate.
    const next = await host.call<{ versionId: string }>('reports.import', {
      fileName: '修改稿.txt',
      dataBase64: smallReport,
      reportId,
      accept: ['different-report'],
    });
    const compare = await host.call<{ rows: unknown[]; changes: number }>('versions.compare', { oldVersionId: versions[0].id, newVersionId: next.versionId });
    expect(compare.rows.length).toBeGreaterThan(10);
  });

  it('a file in a format the importer refuses still gets its Chinese message unchanged', async () => {
    const res = await host.raw('reports.import', { fileName: '报告.rtf', dataBase64: smallReport });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('import/unsupported');
    expect(body.error.message).toContain('不支持 .rtf 格式的文件');
  });
});

describe('an import over its time limit', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost({ env: { REVIEWDESK_JOB_TIMEOUT_MS: '300' } });
  });
  afterAll(() => host?.stop());

  it('is stopped with HTTP 422 and a Chinese message, writes nothing, and the app keeps working', async () => {
    const before = await host.call<unknown[]>('reports.list');
    const res = await host.raw('reports.import', { fileName: '逐字排版的报告.docx', dataBase64: slow });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toEqual({ ok: false, error: { code: 'import/timeout', message: '导入超时：文件可能已损坏或结构异常，已停止处理（超过 0.3 秒）。' } });

    expect(await host.call<unknown[]>('reports.list')).toEqual(before);
    // a new worker takes the next job
    const ok = await host.call<{ versionId: string; report: { title: string } }>('reports.import', {
      fileName: '国务院政府工作报告.txt',
      dataBase64: smallReport,
    });
    expect(ok.report.title).toContain('政府工作报告');
    expect(await host.call<unknown[]>('reports.list')).toHaveLength(before.length + 1);
  });
});
