/**
 * The blocker a deputy met: a 修改意见 (删去) on a paragraph that the revised report then deleted
 * made her own exchange bundle unreadable ("交换包内容前后不一致（意见稿指向的段落 p-… 不在对应的
 * 版本中）"). Walked as she does it: the draft is made in the reader from a selection, the revision
 * arrives and her marks are carried, the bundle is exported from 报告库 as a download and
 * imported through 报告库 on her own machine and on a colleague's. It arrives, the draft and the
 * note are orphans there with the text they quoted, and no message shows an internal id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../helpers/host';
import { launch, openPage, revealBlock, selectText } from '../helpers/browser';
import { EDITS, revisedReportText } from '../helpers/revised-report';

interface Block {
  id: string;
  text: string;
}
interface Orphan {
  kind: string;
  id: string;
  quote?: string;
  exact?: string;
  targets?: { exact: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'rd-e2e-orphan-bundle-'));
const GONE_NOTE = '公租房租赁补贴发放970户';
let mine: RunningHost;
let colleague: RunningHost;
let browser: Browser;
let bundleFile = '';
let draftId = '';
let noteId = '';

async function openLibrary(host: RunningHost): Promise<{ page: Page; consoleErrors: string[] }> {
  const opened = await openPage(browser, host.url);
  await opened.page.getByRole('button', { name: '报告库', exact: true }).click();
  await opened.page.waitForSelector('.report-card');
  return opened;
}

/** Imports the bundle through 报告库's file input; returns the text the user reads. */
async function importThroughUi(host: RunningHost): Promise<string> {
  const { page, consoleErrors } = await openLibrary(host);
  await page.setInputFiles('[data-testid="bundle-input"]', bundleFile);
  const shown = page.locator('[data-testid="bundle-summary"], [data-testid="bundle-failed"]');
  await shown.first().waitFor();
  const text = (await page.locator('.modal').textContent()) ?? '';
  expect(await page.locator('[data-testid="bundle-failed"]').count(), text).toBe(0);
  expect(consoleErrors).toEqual([]);
  await page.context().close();
  return text;
}

const INTERNAL_ID = /\bp-[0-9a-z]{4,}|[0-9a-f]{8}-[0-9a-f]{4}-/i;

beforeAll(async () => {
  mine = await startHost();
  colleague = await startHost();
  browser = await launch();
  await mine.call('settings.set', { key: 'author.name', value: '张代表' });
});
afterAll(async () => {
  await browser?.close();
  await mine?.stop();
  await colleague?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('an orphaned 修改意见 travels in the exchange bundle', () => {
  it('the deputy proposes 删去 on a paragraph in the reader and notes another', async () => {
    const info = await mine.call<{ startVersionId: string }>('app.info');
    const doc = await mine.call<{ blocks: Block[] }>('reports.get', { versionId: info.startVersionId });
    const { page, consoleErrors } = await openPage(browser, mine.url);
    await page.waitForSelector('[data-block-text]');
    const para = doc.blocks.find((b) => b.text.includes(EDITS.deleted))!;
    const at = para.text.indexOf(EDITS.deleted);
    await revealBlock(page, para.id);
    await selectText(page, { blockId: para.id, offset: at }, { blockId: para.id, offset: at + EDITS.deleted.length });
    await page.locator('.selection-toolbar').getByRole('button', { name: '起草' }).click();
    await page.locator('.selection-toolbar').getByRole('menuitem', { name: '修改意见：修改这段文字' }).click();
    await page.waitForSelector('.draft-editor');
    await page.locator('.draft-editor').getByRole('radio', { name: '删去' }).check();
    await page.click('[data-field="reason"]');
    await page.keyboard.type('已在第二部分表述', { delay: 10 });
    await page.locator('[data-field="reason"]').blur();
    await expect.poll(() => page.textContent('.draft-editor .save-state')).toBe('已保存');
    const [draft] = await mine.call<{ id: string; fields: Record<string, string> }[]>('drafts.list', { versionId: info.startVersionId });
    expect(draft.fields).toMatchObject({ op: 'delete', original: EDITS.deleted, reason: '已在第二部分表述' });
    draftId = draft.id;
    const noted = doc.blocks.find((b) => b.text.includes(GONE_NOTE))!;
    const s = noted.text.indexOf(GONE_NOTE);
    noteId = (
      await mine.call<{ id: string }>('annotations.create', {
        versionId: info.startVersionId,
        color: 'red',
        note: '这个数字要核实',
        targets: [{ blockId: noted.id, start: s, end: s + GONE_NOTE.length, exact: GONE_NOTE, prefix: '', suffix: '' }],
      })
    ).id;
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('the revised report deletes that paragraph; carried, the draft and the note become orphans', async () => {
    const info = await mine.call<{ startVersionId: string }>('app.info');
    const [report] = await mine.call<{ id: string }[]>('reports.list');
    const { versionId } = await mine.call<{ versionId: string }>('reports.import', {
      fileName: '咸宁政府工作报告-修改稿.txt',
      dataBase64: Buffer.from(revisedReportText()).toString('base64'),
      reportId: report.id,
      label: '修改稿',
    });
    await mine.call('versions.carry', { fromVersionId: info.startVersionId, toVersionId: versionId });
    const orphans = await mine.call<Orphan[]>('versions.orphans', { versionId });
    expect(orphans.map((o) => o.id).sort()).toEqual([draftId, noteId].sort());
  });

  it('exports the bundle from 报告库 as a download', async () => {
    const { page } = await openLibrary(mine);
    await page.getByRole('button', { name: '导出交换包…' }).click();
    await page.waitForSelector('[data-testid="bundle-export"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.modal-actions button', { hasText: '导出' }).click()]);
    bundleFile = join(work, download.suggestedFilename());
    await download.saveAs(bundleFile);
    expect(readFileSync(bundleFile).length).toBeGreaterThan(1000);
    await page.context().close();
  });

  it('imports back on her own machine without a complaint and without changing anything', async () => {
    const before = await mine.call<Orphan[]>('drafts.list', { reportId: (await mine.call<{ id: string }[]>('reports.list'))[0].id });
    const text = await importThroughUi(mine);
    expect(text).not.toMatch(INTERNAL_ID);
    const after = await mine.call<Orphan[]>('drafts.list', { reportId: (await mine.call<{ id: string }[]>('reports.list'))[0].id });
    expect(after).toEqual(before);
  });

  it('imports on a colleague’s machine: both arrive as orphans, still quoting the deleted text', async () => {
    const text = await importThroughUi(colleague);
    expect(text).not.toMatch(INTERNAL_ID);
    const reports = await colleague.call<{ id: string; title: string; versions: { id: string; label: string }[] }[]>('reports.list');
    const revised = reports.flatMap((r) => r.versions).find((v) => v.label === '修改稿')!;
    expect(revised).toBeDefined();
    const orphans = await colleague.call<Orphan[]>('versions.orphans', { versionId: revised.id });
    expect(orphans.map((o) => o.id).sort()).toEqual([draftId, noteId].sort());
    const quoted = JSON.stringify(orphans);
    expect(quoted).toContain(EDITS.deleted);
    expect(quoted).toContain(GONE_NOTE);
    const drafts = await colleague.call<{ id: string; anchorStatus: string; fields: Record<string, string> }[]>('drafts.list', { versionId: revised.id });
    expect(drafts.find((d) => d.id === draftId)).toMatchObject({ anchorStatus: 'orphaned', fields: { op: 'delete', original: EDITS.deleted } });
  });
});
