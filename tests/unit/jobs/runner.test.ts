/**
 * The job runner: long jobs run in a worker thread and come back exactly as the synchronous call
 * would give them — results, and the user's Chinese error messages — while a runaway job is
 * stopped at its time limit with a Chinese message, and the next job gets a fresh worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffVersions } from '../../../electron/core/anchor/diff';
import { readBundle, writeBundle } from '../../../electron/core/bundle/format';
import { ReviewDeskError } from '../../../electron/core/errors';
import { jobs } from '../../../electron/core/jobs/jobs';
import { createJobRunner, JobError, timeoutFromEnv } from '../../../electron/core/jobs/runner';
import { importReportBytes } from '../../../electron/core/report';
import { checkReport } from '../../../electron/core/review';
import { revisedReportText } from '../../helpers/revised-report';
import { importBundled, tempStore } from '../../helpers/tempdb';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const reportBytes = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'));
const reportText = reportBytes.toString('utf8');
/** A valid report of ~n × 50 KB: parsing it takes long enough to be cut off by a tiny limit. */
const bigReport = (n: number) => Buffer.from(Array.from({ length: n }, () => reportText).join('\n'));

/** What a call rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<ReviewDeskError> {
  const outcome = await p.then(
    () => new Error('expected the job to fail'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ReviewDeskError);
  return outcome as ReviewDeskError;
}

function thrownBy(fn: () => unknown): ReviewDeskError {
  try {
    fn();
  } catch (e) {
    return e as ReviewDeskError;
  }
  throw new Error('expected a throw');
}

const runner = createJobRunner();
afterAll(() => runner.close());

describe('jobs in the worker give what the synchronous calls give', () => {
  it('parseReport, reviewCheck and compareVersions', async () => {
    const parsed = importReportBytes(reportBytes, '国务院政府工作报告.txt');
    expect(await runner.run('parseReport', { bytes: reportBytes, fileName: '国务院政府工作报告.txt' })).toEqual(parsed);
    expect(await runner.run('reviewCheck', { blocks: parsed.blocks })).toEqual(checkReport(parsed.blocks));

    const oldBlocks = importReportBytes(readFileSync(join(FIXTURES, 'xianning-2024-gov-work-report.txt')), 'a.txt').blocks;
    const newBlocks = importReportBytes(Buffer.from(revisedReportText()), 'b.txt').blocks;
    const diff = await runner.run('compareVersions', { oldBlocks, newBlocks });
    expect(diff).toEqual(diffVersions(oldBlocks, newBlocks));
    expect(diff.changes.length).toBeGreaterThan(0);
  });

  it('readBundle, with each bundled source parsed as an import parses it', async () => {
    const t = tempStore();
    try {
      const { versionId } = importBundled(t.store);
      const bytes = writeBundle({ createdAt: '2025-03-01T08:00:00.000Z', appVersion: 'test', author: '张代表', reportId: null, ...t.store.bundles.collect() });
      const { contents, sources } = await runner.run('readBundle', { bytes });
      expect(contents).toEqual(readBundle(bytes));
      const source = contents.reports[0].versions[0];
      expect(source.id).toBe(versionId);
      expect(sources[versionId]).toEqual({ parsed: importReportBytes(Buffer.from(source.sourceBase64, 'base64'), source.sourceName) });
    } finally {
      t.cleanup();
    }
  });

  it('every job in the table can be run by name', () => {
    expect(Object.keys(jobs).sort()).toEqual(['compareVersions', 'parseReport', 'readBundle', 'reanchor', 'reviewCheck']);
  });
});

describe('errors users can meet arrive unchanged', () => {
  it('a ReviewDeskError thrown in the worker keeps its code and Chinese message', async () => {
    const sync = thrownBy(() => importReportBytes(reportBytes, '报告.rtf'));
    const e = await rejection(runner.run('parseReport', { bytes: reportBytes, fileName: '报告.rtf' }));
    expect(e.code).toBe('import/unsupported');
    expect(e.message).toBe(sync.message);
    expect(e.message).toContain('不支持 .rtf 格式的文件');

    const bundleError = await rejection(runner.run('readBundle', { bytes: reportBytes }));
    expect(bundleError.code).toBe(thrownBy(() => readBundle(reportBytes)).code);
    expect(bundleError.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a job over its time limit is stopped with a Chinese message, and the next job gets a new worker', async () => {
    const e = await rejection(runner.run('parseReport', { bytes: bigReport(120), fileName: 'big.txt' }, { timeoutMs: 5 }));
    expect(e).toBeInstanceOf(JobError);
    expect(e.code).toBe('import/timeout');
    expect(e.message).toBe('导入超时：文件可能已损坏或结构异常，已停止处理（超过 0.01 秒）。');

    const after = await runner.run('parseReport', { bytes: reportBytes, fileName: 'a.txt' });
    expect(after.blocks.length).toBeGreaterThan(50);
  });

  it('each job words its time limit in its own terms', async () => {
    const short = createJobRunner({ timeoutMs: { reviewCheck: 1 } });
    try {
      const blocks = importReportBytes(bigReport(40), 'big.txt').blocks;
      const e = await rejection(short.run('reviewCheck', { blocks }));
      expect(e.code).toBe('review/timeout');
      expect(e.message).toBe('审校超时：报告内容可能过长或结构异常，已停止检查（超过 0.01 秒）。');
      // other jobs keep their default limit
      expect(short.timeoutOf('parseReport')).toBe(60_000);
    } finally {
      await short.close();
    }
  });

  it('a worker that dies mid-job (out of memory) rejects with a Chinese message; the app side survives and goes on', async () => {
    const tight = createJobRunner({ resourceLimits: { maxOldGenerationSizeMb: 32 } });
    try {
      expect((await tight.run('parseReport', { bytes: reportBytes, fileName: 'a.txt' })).blocks.length).toBeGreaterThan(50);
      const e = await rejection(tight.run('parseReport', { bytes: bigReport(380), fileName: 'huge.txt' }));
      expect(e.code).toBe('import/worker-crashed');
      expect(e.message).toBe('导入失败：读取文件时后台处理意外中止，文件可能已损坏或结构异常。');
      expect((await tight.run('parseReport', { bytes: reportBytes, fileName: 'a.txt' })).blocks.length).toBeGreaterThan(50);
    } finally {
      await tight.close();
    }
  });

  it('a cancelled job rejects as cancelled', async () => {
    const controller = new AbortController();
    const job = runner.run('parseReport', { bytes: bigReport(120), fileName: 'big.txt' }, { signal: controller.signal });
    controller.abort();
    const e = await rejection(job);
    expect(e.code).toBe('import/cancelled');
    expect(e.message).toBe('已取消导入。');
  });
});

describe('several jobs at once', () => {
  it('a short job is not stuck behind a long one: a second worker takes it', async () => {
    const two = createJobRunner({ maxWorkers: 2, warmWorkers: 2 });
    try {
      // both workers loaded first, so the order below is about the jobs, not start-up
      await Promise.all([1, 2].map(() => two.run('parseReport', { bytes: reportBytes, fileName: 'a.txt' })));
      const order: string[] = [];
      const long = two.run('parseReport', { bytes: bigReport(200), fileName: 'big.txt' }).then(() => order.push('long'));
      const short = two.run('parseReport', { bytes: reportBytes, fileName: 'a.txt' }).then(() => order.push('short'));
      await Promise.all([long, short]);
      expect(order).toEqual(['short', 'long']);
    } finally {
      await two.close();
    }
  });

  it('with one worker, jobs wait their turn and each still gets its own full time limit', async () => {
    const single = createJobRunner({ maxWorkers: 1 });
    try {
      const results = await Promise.all([1, 2, 3].map((i) => single.run('parseReport', { bytes: reportBytes, fileName: `${i}.txt` })));
      expect(results.map((r) => r.blocks.length)).toEqual(Array(3).fill(results[0].blocks.length));
    } finally {
      await single.close();
    }
  });
});

describe('REVIEWDESK_JOB_TIMEOUT_MS', () => {
  it('sets one limit for every job; anything but a positive number is ignored', () => {
    expect(timeoutFromEnv({ REVIEWDESK_JOB_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(timeoutFromEnv({ REVIEWDESK_JOB_TIMEOUT_MS: 'soon' })).toBeUndefined();
    expect(timeoutFromEnv({ REVIEWDESK_JOB_TIMEOUT_MS: '0' })).toBeUndefined();
    expect(timeoutFromEnv({})).toBeUndefined();
    const r = createJobRunner({ timeoutMs: timeoutFromEnv({ REVIEWDESK_JOB_TIMEOUT_MS: '1500' }) });
    expect(r.timeoutOf('parseReport')).toBe(1500);
    expect(r.timeoutOf('reanchor')).toBe(1500);
    void r.close();
  });
});
