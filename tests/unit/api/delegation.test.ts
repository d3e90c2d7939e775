import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { useBackend } from '../../helpers/backend';
import type { Result } from '../../../electron/api/contract';

const env = useBackend('rd-delegation-', () => ({ backupAtStart: false }));
const { call } = env;

async function asMember(name: string, work: (doc: Result<'reports.get'>) => Promise<void>) {
  await call('settings.set', { key: 'author.name', value: name });
  const info = await call('app.info');
  await work(await call('reports.get', { versionId: info.startVersionId! }));
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
      await call('drafts.create', {
        versionId,
        kind: 'amendment',
        fields: { op: 'modify', original: paras[2].text.slice(0, 5), proposed: '王的新表述', reason: '理由一' },
        targets: [target(paras[2])],
      });
    });
    await asMember('李代表', async () => {
      await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[0])] });
      const gone = await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[3])] });
      await call('annotations.delete', { id: gone.id }); // deleted marks do not count
      await call('drafts.create', {
        versionId,
        kind: 'amendment',
        fields: { op: 'delete', original: paras[0].text.slice(0, 5), reason: '理由二' },
        targets: [target(paras[0])],
      });
    });

    const s = await call('delegation.summary', { versionId });
    expect(s.authors).toEqual([
      { name: '王代表', annotations: 3, drafts: 1 },
      { name: '李代表', annotations: 1, drafts: 1 },
    ]);
    const row = (i: number) => s.blocks.find((b: { blockId: string }) => b.blockId === paras[i].id)!;
    expect(row(0).byAuthor).toEqual({ 王代表: { annotations: 2, drafts: 0 }, 李代表: { annotations: 1, drafts: 1 } });
    expect(row(0).total).toBe(4);
    expect(row(1).byAuthor).toEqual({ 王代表: { annotations: 1, drafts: 0 } });
    expect(row(2).byAuthor).toEqual({ 王代表: { annotations: 1, drafts: 1 } });
    expect(row(3).total).toBe(0);
    expect(s.blocks.length).toBeGreaterThan(40);

    const csv = await call('delegation.exportAmendments', { versionId, format: 'csv' });
    expect(csv.fileName).toMatch(/^代表团修改意见汇总表-咸宁市2024年政府工作报告-.*\.csv$/);
    const rows = Papa.parse<string[]>(
      Buffer.from(csv.dataBase64!, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ).data.filter((r) => r.length > 1);
    // reading order: paragraph 0 (李) before paragraph 2 (王), each row names its proposer
    expect(rows.slice(1).map((r) => r[5])).toEqual(['李代表', '王代表']);
    expect(rows[2][3]).toContain('王的新表述');
    const docx = await call('delegation.exportAmendments', { versionId, format: 'docx' });
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(docx.dataBase64!, 'base64'))['word/document.xml']);
    expect(xml).toContain('王代表');
    expect(xml).toContain('李代表');
  });

  it('counts one person once however the name was spaced, and signs unsigned work in one action', async () => {
    const info = await call('app.info');
    const doc = await call('reports.get', { versionId: info.startVersionId! });
    const versionId = doc.version.id;
    const paras = doc.blocks.filter((b: { kind: string; text: string }) => b.kind === 'paragraph' && b.text.length > 40);
    // before any name is set: anonymous
    await call('settings.set', { key: 'author.name', value: '' });
    await call('annotations.create', { versionId, color: 'yellow', targets: [target(paras[0])] });
    await call('annotations.create', { versionId, color: 'red', targets: [target(paras[1])] });
    await call('drafts.create', { versionId, kind: 'amendment', fields: { proposed: '新表述' }, targets: [target(paras[1])] });
    await call('drafts.create', { versionId, kind: 'opinion', fields: { content: '建议补充数据' }, targets: [target(paras[2])] });
    expect(await call('authorship.unsigned', {})).toEqual({ annotations: 2, drafts: 2 });
    await expect(call('authorship.sign', {})).rejects.toMatchObject({ status: 422, error: { code: 'authorship/no-name' } });

    // the name typed with a full-width space first, then without
    await call('settings.set', { key: 'author.name', value: '张　三' });
    await call('annotations.create', { versionId, color: 'blue', targets: [target(paras[3])] });
    await call('settings.set', { key: 'author.name', value: '张三' });
    await call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
    await call('annotations.create', { versionId, color: 'blue', targets: [target(paras[4])] });
    await call('annotations.create', { versionId, color: 'green', targets: [target(paras[5])] });

    let s = await call('delegation.summary', { versionId });
    expect(s.authors).toEqual([
      { name: '', annotations: 2, drafts: 2 },
      { name: '张三', annotations: 3, drafts: 0 },
    ]);

    expect(await call('authorship.sign', {})).toEqual({ annotations: 2, drafts: 2 });
    expect(await call('authorship.unsigned', {})).toEqual({ annotations: 0, drafts: 0 });
    s = await call('delegation.summary', { versionId });
    expect(s.authors).toEqual([{ name: '张三', annotations: 5, drafts: 2 }]);
    const drafts = await call('drafts.list', { versionId });
    expect(drafts.map((d: { author: string }) => d.author)).toEqual(['张三', '张三']);
    // an empty 代表团 on the opinion is filled with the user's
    const opinion = drafts.find((d) => d.kind === 'opinion');
    expect(opinion && 'delegation' in opinion.fields ? opinion.fields.delegation : null).toBe('咸宁代表团');
    // paragraphs are named by heading and lead sentence, never by number
    expect(s.blocks.some((b: { path: string }) => /第\d+段/.test(b.path))).toBe(false);
  });

  it('fills 代表团/界别 for every proposer in the merged CSV, from their own drafts or the compiler’s delegation', async () => {
    const info = await call('app.info');
    const doc = await call('reports.get', { versionId: info.startVersionId! });
    const versionId = doc.version.id;
    const paras = doc.blocks.filter((b: { kind: string; text: string }) => b.kind === 'paragraph' && b.text.length > 40);
    // 王代表 states her delegation on an opinion; 李代表 never does
    await call('settings.set', { key: 'author.name', value: '王代表' });
    await call('settings.set', { key: 'author.delegation', value: '赤壁代表团' });
    await call('drafts.create', { versionId, kind: 'opinion', fields: { content: '意见' }, targets: [target(paras[0])] });
    await call('drafts.create', { versionId, kind: 'amendment', fields: { proposed: '王的表述' }, targets: [target(paras[1])] });
    await call('settings.set', { key: 'author.name', value: '李代表' });
    await call('settings.set', { key: 'author.delegation', value: '' });
    await call('drafts.create', { versionId, kind: 'amendment', fields: { proposed: '李的表述' }, targets: [target(paras[2])] });
    // the secretariat compiles
    await call('settings.set', { key: 'author.name', value: '秘书组' });
    await call('settings.set', { key: 'author.role', value: 'staff' });
    await call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
    const csv = await call('delegation.exportAmendments', { versionId, format: 'csv' });
    const rows = Papa.parse<string[]>(
      Buffer.from(csv.dataBase64!, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ).data.filter((r) => r.length > 1);
    expect(rows[0][6]).toBe('代表团/界别');
    expect(rows.slice(1).map((r) => [r[5], r[6]])).toEqual([
      ['王代表', '赤壁代表团'],
      ['李代表', '咸宁代表团'],
    ]);
    const docx = await call('delegation.exportAmendments', { versionId, format: 'docx' });
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(docx.dataBase64!, 'base64'))['word/document.xml']);
    expect(xml).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
  });

  it('refuses an export with no amendments, and an unknown version, in plain Chinese', async () => {
    const info = await call('app.info');
    await expect(call('delegation.exportAmendments', { versionId: info.startVersionId!, format: 'docx' })).rejects.toMatchObject({
      status: 422,
      error: { message: expect.stringMatching(/还没有修改意见/) },
    });
    await expect(call('delegation.summary', { versionId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 422 });
  });
});
