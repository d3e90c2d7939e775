import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-delegation-', () => ({ backupAtStart: false }));
const { call } = env;

async function asMember(name: string, work: (doc: any) => Promise<void>) {
  await call('settings.set', { key: 'author.name', value: name });
  const info = await call('app.info');
  await work(await call('reports.get', { versionId: info.startVersionId }));
}
const target = (b: { id: string; text: string }, s = 0) => ({ blockId: b.id, start: s, end: s + 5, exact: b.text.slice(s, s + 5), prefix: '', suffix: '' });

describe('the delegation summary', () => {
  it('counts each member’s annotations and drafts per paragraph, and names every proposer in the merged table', async () => {
    let versionId = '';
    let paras: { id: string; text: string }[] = [];
    await asMember('王代表', async (doc) => {
      versionId = doc.version.id;
      paras = doc.blocks.filter((b: { kind: string; text: string }) => b.kind === 'paragraph' && b.text.length > 40);
      await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[0])] });
      await call('annotations.create', { versionId, color: 'red', targets: [target(paras[0], 8)] });
      // one mark over two paragraphs counts once in each
      await call('annotations.create', { versionId, color: 'blue', targets: [target(paras[1]), target(paras[2])] });
      await call('drafts.create', { versionId, kind: 'amendment', fields: { op: 'modify', original: paras[2].text.slice(0, 5), proposed: '王的新表述', reason: '理由一' }, targets: [target(paras[2])] });
    });
    await asMember('李代表', async () => {
      await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[0])] });
      const gone = await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[3])] });
      await call('annotations.delete', { id: gone.id }); // deleted marks do not count
      await call('drafts.create', { versionId, kind: 'amendment', fields: { op: 'delete', original: paras[0].text.slice(0, 5), reason: '理由二' }, targets: [target(paras[0])] });
    });

    const s = await call('delegation.summary', { versionId });
    expect(s.authors).toEqual([
      { name: '王代表', annotations: 3, drafts: 1 },
      { name: '李代表', annotations: 1, drafts: 1 },
    ]);
    const row = (i: number) => s.blocks.find((b: { blockId: string }) => b.blockId === paras[i].id);
    expect(row(0).byAuthor).toEqual({ 王代表: { annotations: 2, drafts: 0 }, 李代表: { annotations: 1, drafts: 1 } });
    expect(row(0).total).toBe(4);
    expect(row(1).byAuthor).toEqual({ 王代表: { annotations: 1, drafts: 0 } });
    expect(row(2).byAuthor).toEqual({ 王代表: { annotations: 1, drafts: 1 } });
    expect(row(3).total).toBe(0);
    expect(s.blocks.length).toBeGreaterThan(40);

    const csv = await call('delegation.exportAmendments', { versionId, format: 'csv' });
    expect(csv.fileName).toMatch(/^修改意见汇总表-.*\.csv$/);
    const rows = Papa.parse<string[]>(Buffer.from(csv.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '')).data.filter((r) => r.length > 1);
    // reading order: paragraph 0 (李) before paragraph 2 (王), each row names its proposer
    expect(rows.slice(1).map((r) => r[5])).toEqual(['李代表', '王代表']);
    expect(rows[2][3]).toContain('王的新表述');
    const docx = await call('delegation.exportAmendments', { versionId, format: 'docx' });
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(docx.dataBase64, 'base64'))['word/document.xml']);
    expect(xml).toContain('王代表');
    expect(xml).toContain('李代表');
  });

  it('refuses an export with no amendments, and an unknown version, in plain Chinese', async () => {
    const info = await call('app.info');
    await expect(call('delegation.exportAmendments', { versionId: info.startVersionId, format: 'docx' })).rejects.toMatchObject({ status: 422, error: { message: expect.stringMatching(/还没有修改意见/) } });
    await expect(call('delegation.summary', { versionId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 422 });
  });
});
