/**
 * The back end of the daily flow around versions: an import that stops to ask (another report
 * offered as a new version, the same text again in another encoding), the trash for reports and
 * versions, carrying that leaves a mark's edit time alone, and a version's history (版本记录).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Annotation, Block, Report, ReportVersion } from '../../../electron/api/contract';
import type { ImportOutcome, TrashEntry } from '../../../electron/api/contract/library';
import type { VersionEvent } from '../../../electron/api/contract/versions';
import { BUNDLED_REPORT, EDITS, revisedReportText } from '../../helpers/revised-report';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-library-flow-', () => ({ backupAtStart: false, log: () => {} }));
const { call, failure } = env;
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

let doc: ReportVersion;
beforeEach(async () => {
  const info = await call<{ startVersionId: string }>('app.info', {});
  doc = await call<ReportVersion>('reports.get', { versionId: info.startVersionId });
});

function target(quote: string, blocks: Block[] = doc.blocks) {
  const b = blocks.find((x) => x.text.includes(quote))!;
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' };
}
const reports = () => call<Report[]>('reports.list', {});

describe('reports.import asks before surprising the user', () => {
  it('asks when another report is offered as a new version, writes nothing, and imports when told to', async () => {
    const hubei = b64(readFileSync(join(FIXTURES, 'hubei-2025-gov-work-report.docx')));
    const asked = await call<ImportOutcome>('reports.import', {
      fileName: '湖北省政府工作报告.docx',
      dataBase64: hubei,
      reportId: doc.report.id,
      label: '修改稿',
    });
    expect(asked).toMatchObject({ question: 'different-report', reportTitle: doc.report.title, existing: null });
    expect('question' in asked && asked.coverage).toBeLessThan(0.1);
    expect((await reports())[0].versions).toHaveLength(1);

    const done = await call<ImportOutcome>('reports.import', {
      fileName: '湖北省政府工作报告.docx',
      dataBase64: hubei,
      reportId: doc.report.id,
      label: '修改稿',
      accept: ['different-report'],
    });
    expect('question' in done).toBe(false);
    expect((await reports())[0].versions.map((v) => v.label)).toEqual(['大会印发稿', '修改稿']);
  });

  it('does not ask for a real revision of the report', async () => {
    const r = await call<ImportOutcome>('reports.import', {
      fileName: '修改稿.txt',
      dataBase64: b64(revisedReportText()),
      reportId: doc.report.id,
      label: '修改稿',
    });
    expect('question' in r).toBe(false);
  });

  it('finds the same report again in another encoding and points at the copy already there', async () => {
    const gb = iconv.encode(readFileSync(BUNDLED_REPORT, 'utf8'), 'gb18030');
    const asked = await call<ImportOutcome>('reports.import', { fileName: '咸宁政府工作报告-GB18030.txt', dataBase64: b64(gb) });
    expect(asked).toMatchObject({
      question: 'same-text',
      existing: { reportId: doc.report.id, versionId: doc.version.id, label: '大会印发稿', reportTitle: doc.report.title },
    });
    expect(await reports()).toHaveLength(1);
    await call('reports.import', { fileName: '咸宁政府工作报告-GB18030.txt', dataBase64: b64(gb), accept: ['same-text'] });
    expect(await reports()).toHaveLength(2);
  });

  it('keeps the label the user chose', async () => {
    const r = await call<ImportOutcome>('reports.import', {
      fileName: 'sc.txt',
      dataBase64: b64(readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'))),
      label: '大会印发稿',
    });
    expect('question' in r ? null : r.report.versions[0].label).toBe('大会印发稿');
  });
});

describe('the trash', () => {
  it('deletes a version and restores it; the only version of a report is not deleted alone', async () => {
    const { versionId: v2 } = (await call('reports.import', {
      fileName: 'r.txt',
      dataBase64: b64(revisedReportText()),
      reportId: doc.report.id,
      label: '修改稿',
    })) as { versionId: string };
    await call('versions.delete', { versionId: v2 });
    expect((await reports())[0].versions.map((v) => v.id)).toEqual([doc.version.id]);
    expect(await call<TrashEntry[]>('trash.list', {})).toMatchObject([{ kind: 'version', id: v2, label: '修改稿', title: doc.report.title }]);
    expect((await failure('versions.delete', { versionId: doc.version.id })).error.message).toContain('仅有的版本');
    await call('versions.restore', { versionId: v2 });
    expect((await reports())[0].versions.map((v) => v.id)).toEqual([doc.version.id, v2]);
    expect(await call('trash.list', {})).toEqual([]);
  });

  it('deletes a report and restores it with its versions; the app no longer starts on it meanwhile', async () => {
    await call('settings.set', { key: 'reader.lastVersionId', value: doc.version.id });
    await call('reports.delete', { reportId: doc.report.id });
    expect(await reports()).toEqual([]);
    expect((await call<{ startVersionId: string | null }>('app.info', {})).startVersionId).toBeNull();
    expect(await call<TrashEntry[]>('trash.list', {})).toMatchObject([{ kind: 'report', id: doc.report.id, versions: 1 }]);
    await call('reports.restore', { reportId: doc.report.id });
    expect((await reports()).map((r) => r.id)).toEqual([doc.report.id]);
  });
});

describe('carrying and the version history', () => {
  it('leaves a carried mark’s edit time alone and records the carry in both versions’ history', async () => {
    const kept = await call<Annotation>('annotations.create', {
      versionId: doc.version.id,
      color: 'yellow',
      note: '核实',
      targets: [target('新建5G基站500个')],
    });
    const gone = await call<Annotation>('annotations.create', { versionId: doc.version.id, color: 'red', targets: [target(EDITS.deleted.slice(0, 12))] });
    const { versionId: v2 } = (await call('reports.import', {
      fileName: 'r.txt',
      dataBase64: b64(revisedReportText()),
      reportId: doc.report.id,
      label: '修改稿',
    })) as { versionId: string };
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const after = await call<Annotation[]>('annotations.list', { versionId: v2 });
    expect(after.find((a) => a.id === kept.id)!.updatedAt).toBe(kept.updatedAt);
    expect(after.find((a) => a.id === gone.id)!.updatedAt).toBe(gone.updatedAt);

    const history = await call<VersionEvent[]>('versions.history', { versionId: v2 });
    expect(history.map((e) => e.kind)).toEqual(['carried-in', 'imported']);
    expect(history[0]).toMatchObject({ otherLabel: '大会印发稿', counts: { moved: 1, orphaned: 1 } });
    expect(history[0].marks.find((m) => m.id === gone.id)).toMatchObject({ outcome: 'orphaned', oldExact: EDITS.deleted.slice(0, 12), newExact: '' });
    expect(history[0].marks.find((m) => m.id === kept.id)).toMatchObject({ outcome: 'moved', label: '核实', newExact: '新建5G基站500个' });
    const old = await call<VersionEvent[]>('versions.history', { versionId: doc.version.id });
    expect(old[0]).toMatchObject({ kind: 'carried-out', otherLabel: '修改稿' });
  });
});
