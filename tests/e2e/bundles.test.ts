/**
 * The USB-stick journey in a real browser: marks exported as a bundle through the UI, the data
 * folder wiped, the bundle imported through the UI — everything back, a second import changes
 * nothing, a tampered copy is refused. Then backups: restore in the UI, and a corrupted database
 * at start leading to the recovery prompt. Finally several members' bundles in the delegation view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { startHost, type RunningHost } from '../helpers/host';
import { launch, openPage, screenshot } from '../helpers/browser';
import { readBundle, writeBundle, type BundleAnnotation, type BundleDraft } from '../../electron/core/bundle/format';

const dataDir = mkdtempSync(join(tmpdir(), 'rd-e2e-bundles-'));
const work = mkdtempSync(join(tmpdir(), 'rd-e2e-bundle-files-'));
let host: RunningHost;
let browser: Browser;

type Doc = { version: { id: string }; report: { id: string }; blocks: { id: string; text: string; kind: string }[] };
interface Marks {
  annotations: { id: string; note: string; tags: string[]; color: string }[];
  drafts: { id: string; fields: Record<string, string>; author: string }[];
}

async function currentDoc(): Promise<Doc> {
  const info = await host.call<{ startVersionId: string }>('app.info');
  return host.call<Doc>('reports.get', { versionId: info.startVersionId });
}
async function marks(): Promise<Marks> {
  const doc = await currentDoc();
  const annotations = (await host.call<Marks['annotations']>('annotations.list', { versionId: doc.version.id }))
    .map((a) => ({ id: a.id, note: a.note, tags: a.tags, color: a.color }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const drafts = (await host.call<Marks['drafts']>('drafts.list', { versionId: doc.version.id }))
    .map((d) => ({ id: d.id, fields: d.fields, author: d.author }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { annotations, drafts };
}
async function annotate(doc: Doc, i: number, note: string, tags: string[]) {
  const b = doc.blocks.filter((x) => x.text.length > 30)[i];
  return host.call<{ id: string }>('annotations.create', {
    versionId: doc.version.id,
    color: 'orange',
    note,
    tags,
    targets: [{ blockId: b.id, start: 2, end: 12, exact: b.text.slice(2, 12), prefix: b.text.slice(0, 2), suffix: b.text.slice(12, 40) }],
  });
}
async function restartHost(wipe: boolean) {
  await host.stop();
  if (wipe) rmSync(dataDir, { recursive: true, force: true });
  host = await startHost({ dataDir });
}
async function openLibrary(): Promise<Page> {
  const { page, consoleErrors } = await openPage(browser, host.url);
  (page as Page & { errors?: string[] }).errors = consoleErrors;
  await page.getByRole('button', { name: '报告库', exact: true }).click();
  await page.waitForSelector('.report-card');
  return page;
}
async function importThroughUi(page: Page, file: string) {
  await page.setInputFiles('[data-testid="bundle-input"]', file);
  await page.waitForSelector('[data-testid="bundle-summary"], [data-testid="bundle-failed"]');
}
async function closeDialog(page: Page) {
  await page.locator('.modal-actions button', { hasText: '关闭' }).click();
  await page.waitForSelector('.modal', { state: 'detached' });
}

beforeAll(async () => {
  host = await startHost({ dataDir });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('exchange bundles through the UI', () => {
  let exported: Marks;
  let bundleFile: string;

  it('exports a bundle from the library as a download', async () => {
    await host.call('settings.set', { key: 'author.name', value: '张代表' });
    const doc = await currentDoc();
    await annotate(doc, 3, '这个增速要核实来源', ['数据', '核实']);
    await annotate(doc, 7, '建议补充具体措施', ['民生']);
    const gone = await annotate(doc, 9, '后来删掉的批注', []);
    await host.call('annotations.delete', { id: gone.id });
    const block = doc.blocks.filter((x) => x.text.length > 30)[5];
    await host.call('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'modify', original: block.text.slice(0, 8), proposed: '进一步加快推进', reason: '表述更积极' },
      targets: [{ blockId: block.id, start: 0, end: 8, exact: block.text.slice(0, 8), prefix: '', suffix: '' }],
    });
    exported = await marks();
    expect(exported.annotations).toHaveLength(2);
    expect(exported.drafts).toHaveLength(1);

    const page = await openLibrary();
    await page.getByRole('button', { name: '导出交换包…' }).click();
    await page.waitForSelector('[data-testid="bundle-export"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.modal-actions button', { hasText: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^审议台交换包-张代表-.*\.reviewdesk$/);
    bundleFile = join(work, 'office.reviewdesk');
    await download.saveAs(bundleFile);
    expect(readBundle(readFileSync(bundleFile)).annotations).toHaveLength(3); // the tombstone travels too
    await page.context().close();
  });

  it('brings everything back into a wiped data folder, and a second import changes nothing', async () => {
    await restartHost(true);
    expect((await marks()).annotations).toEqual([]);
    const page = await openLibrary();
    await importThroughUi(page, bundleFile);
    const summary = page.locator('[data-testid="bundle-summary"]');
    await expect(summary.locator('tr[data-kind="批注"] td').nth(1).textContent()).resolves.toBe('2');
    await expect(summary.locator('tr[data-kind="意见稿"] td').nth(1).textContent()).resolves.toBe('1');
    expect(await summary.textContent()).toContain('来自 张代表');
    await screenshot(page, 'bundle-import-summary');
    await closeDialog(page);
    const back = await marks();
    expect(back).toEqual(exported);
    expect(back.annotations.map((a) => a.note).sort()).toEqual(['建议补充具体措施', '这个增速要核实来源']);
    expect(back.annotations.find((a) => a.note === '这个增速要核实来源')!.tags).toEqual(['数据', '核实']);
    expect(back.drafts[0]).toMatchObject({ author: '张代表', fields: { proposed: '进一步加快推进' } });
    // the library did not get a second copy of the same report
    expect(await host.call<unknown[]>('reports.list')).toHaveLength(1);

    await importThroughUi(page, bundleFile);
    expect(await page.locator('[data-testid="bundle-summary"] .nothing-new').textContent()).toContain('没有新内容');
    expect(await page.locator('[data-testid="bundle-summary"] tr[data-kind="批注"] td').nth(1).textContent()).toBe('0');
    await closeDialog(page);
    expect(await marks()).toEqual(exported);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a tampered copy with a Chinese message and changes nothing', async () => {
    const files = unzipSync(readFileSync(bundleFile));
    files['annotations.json'] = strToU8(new TextDecoder().decode(files['annotations.json']).replace('这个增速要核实来源', '被人改过的批注'));
    const tampered = join(work, 'tampered.reviewdesk');
    writeFileSync(tampered, zipSync(files));
    const flipped = readFileSync(bundleFile);
    for (let i = 120; i < 180; i++) flipped[i] ^= 0x5a;
    const flippedFile = join(work, 'flipped.reviewdesk');
    writeFileSync(flippedFile, flipped);

    const before = await marks();
    const page = await openLibrary();
    await importThroughUi(page, tampered);
    const message = await page.locator('[data-testid="bundle-failed"] .bundle-error').textContent();
    expect(message).toMatch(/校验失败.*已拒绝导入，没有写入任何数据/);
    await screenshot(page, 'bundle-import-refused');
    await closeDialog(page);
    await importThroughUi(page, flippedFile);
    expect(await page.locator('[data-testid="bundle-failed"] .bundle-error').textContent()).toMatch(/已拒绝导入/);
    await closeDialog(page);
    expect(await marks()).toEqual(before);
    await page.context().close();
  });
});

describe('backups in the UI', () => {
  it('restores a backup: the change made after it is gone, the earlier state is back', async () => {
    const page = await openLibrary();
    await page.getByRole('button', { name: '备份与恢复', exact: true }).click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.waitForSelector('.backup-table tbody tr');
    const names = await host.call<{ name: string }[]>('backups.list');
    const backup = names[0].name;
    const before = await marks();
    await annotate(await currentDoc(), 12, '备份之后加的批注', []);
    expect((await marks()).annotations).toHaveLength(before.annotations.length + 1);

    await page.getByRole('button', { name: '报告库', exact: true }).click();
    await page.getByRole('button', { name: '备份与恢复', exact: true }).click();
    await page.waitForSelector(`tr[data-backup="${backup}"]`);
    await screenshot(page, 'backups-view');
    await page.locator(`tr[data-backup="${backup}"] button`, { hasText: '恢复' }).click();
    await page.waitForSelector('[data-testid="restore-confirm"]');
    expect(await page.locator('[data-testid="restore-confirm"]').textContent()).toMatch(/当前的数据会先自动备份/);
    await Promise.all([page.waitForEvent('load'), page.locator('[data-testid="restore-confirm"] button.primary').click()]);
    await page.waitForSelector('.toast');
    expect(await page.locator('.toast').first().textContent()).toMatch(/已恢复到/);
    expect(await marks()).toEqual(before);
    await page.context().close();
  });

  it('shows the recovery prompt for a corrupted database at start, and 从备份恢复 brings the data back', async () => {
    const before = await marks();
    await host.call('backups.create');
    await host.stop();
    writeFileSync(join(dataDir, 'reviewdesk.sqlite3'), Buffer.alloc(128 * 1024, 0x42));
    rmSync(join(dataDir, 'reviewdesk.sqlite3-wal'), { force: true });
    host = await startHost({ dataDir });
    const { page, consoleErrors } = await openPage(browser, host.url);
    const prompt = page.locator('[data-testid="recovery-prompt"]');
    await prompt.waitFor();
    const text = (await prompt.textContent()) ?? '';
    expect(text).toMatch(/数据文件已损坏.*已移到.*reviewdesk\.sqlite3\.damaged-/);
    expect(text).toMatch(/这份备份中有 \d+ 份报告/);
    expect(text).toMatch(/可以从最近的备份（\d{4}年\d+月\d+日 \d\d:\d\d）恢复/);
    await screenshot(page, 'recovery-prompt');
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: '从备份恢复' }).click()]);
    await page.waitForSelector('.topbar');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="recovery-prompt"]').count()).toBe(0);
    expect(await marks()).toEqual(before);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the delegation view', () => {
  it('shows every member’s marks per paragraph and opens the reader at a clicked paragraph', async () => {
    // Members' bundles, made from this machine's own report so they land on it.
    const doc = await currentDoc();
    const own = readBundle(Buffer.from((await host.call<{ dataBase64: string }>('bundles.export', {})).dataBase64, 'base64'));
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.length > 40);
    const members: [string, number[], number[]][] = [
      ['王代表', [0, 1, 1, 4, 8], [1]],
      ['李代表', [1, 2, 8, 8, 8], [8]],
      ['赵代表', [1, 3], []],
      ['陈代表', [0, 8, 12], [12]],
    ];
    const now = new Date().toISOString();
    for (const [author, notes, amendments] of members) {
      const annotations: BundleAnnotation[] = notes.map((i, k) => ({
        id: randomUUID(),
        reportId: doc.report.id,
        versionId: doc.version.id,
        author,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        anchorStatus: 'unchanged',
        anchorScore: 1,
        color: 'yellow',
        note: `${author}的第${k + 1}条意见`,
        tags: [],
        targets: [{ blockId: paras[i].id, start: k, end: k + 6, exact: paras[i].text.slice(k, k + 6), prefix: '', suffix: '' }],
      }));
      const drafts: BundleDraft[] = amendments.map((i) => ({
        id: randomUUID(),
        reportId: doc.report.id,
        versionId: doc.version.id,
        author,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        anchorStatus: 'unchanged',
        anchorScore: 1,
        kind: 'amendment',
        title: '',
        status: 'draft',
        fields: { op: 'modify', original: paras[i].text.slice(0, 6), proposed: `${author}建议的新表述`, reason: '更准确' },
        targets: [{ blockId: paras[i].id, start: 0, end: 6, exact: paras[i].text.slice(0, 6), prefix: '', suffix: '' }],
      }));
      const file = join(work, `${author}.reviewdesk`);
      writeFileSync(file, writeBundle({ createdAt: now, appVersion: 'e2e', author, reportId: doc.report.id, reports: own.reports, annotations, drafts }));
      const page = await openLibrary();
      await importThroughUi(page, file);
      await closeDialog(page);
      await page.context().close();
    }
    const summary = await host.call<{ authors: { name: string }[]; blocks: { blockId: string; total: number }[] }>('delegation.summary', {
      versionId: doc.version.id,
    });
    expect(summary.authors.map((a) => a.name)).toEqual(expect.arrayContaining(['王代表', '李代表', '赵代表', '陈代表']));
    expect(summary.blocks.find((b) => b.blockId === paras[8].id)!.total).toBe(6);

    const { page, consoleErrors } = await openPage(browser, host.url);
    await page.getByRole('button', { name: '代表团汇总', exact: true }).click();
    await page.waitForSelector('.heat-table tbody tr');
    const headers = await page.locator('.heat-table th .author-name').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['王代表', '李代表', '赵代表', '陈代表']));
    const hot = page.locator(`.heat-table tr[data-block="${paras[8].id}"]`);
    expect(await hot.locator('td.heat-4').count()).toBeGreaterThan(0);
    await screenshot(page, 'delegation-heatmap');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总表（CSV）' }).click()]);
    const csv = readFileSync(await download.path()).toString('utf8');
    for (const name of ['王代表', '李代表', '陈代表', '张代表']) expect(csv).toContain(name);
    expect(csv).toContain('李代表建议的新表述');

    await hot.click();
    await page.waitForSelector(`.block.flash [data-block-text="${paras[8].id}"], [data-block-text="${paras[8].id}"]`);
    expect(await page.locator('.topbar nav button.on').textContent()).toBe('阅读');
    await page.waitForTimeout(400);
    const visible = await page.$eval(`[data-block-text="${paras[8].id}"]`, (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < (globalThis as unknown as { innerHeight: number }).innerHeight;
    });
    expect(visible).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
