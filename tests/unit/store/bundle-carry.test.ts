/**
 * Carrying marks to a revision leaves their 修改时间 alone (the deputy did not edit them), yet the
 * secretariat that holds her earlier bundle must take the carried copies from her next bundle:
 * a carry counts as a change for merging, not as "both sides changed at the same time".
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, ReportVersion } from '../../../electron/api/contract';
import { readBundle } from '../../../electron/core/bundle/format';
import { revisedReportText } from '../../helpers/revised-report';
import { useBackend } from '../../helpers/backend';
import { tempStore } from '../../helpers/tempdb';

const env = useBackend('rd-bundle-carry-', () => ({ backupAtStart: false, log: () => {} }));
const { call } = env;

describe('a carried mark in the next bundle', () => {
  it('updates the secretariat’s copy to the new version, without a conflict and without a new edit time', async () => {
    await call('settings.set', { key: 'author.name', value: '张代表' });
    const info = await call<{ startVersionId: string }>('app.info', {});
    const doc = await call<ReportVersion>('reports.get', { versionId: info.startVersionId });
    const quote = '新建5G基站500个';
    const b = doc.blocks.find((x) => x.text.includes(quote))!;
    const start = b.text.indexOf(quote);
    const mark = await call<Annotation>('annotations.create', {
      versionId: doc.version.id,
      color: 'blue',
      note: '进度如何',
      targets: [{ blockId: b.id, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' }],
    });
    const before = Buffer.from((await call<{ dataBase64: string }>('bundles.export', {})).dataBase64, 'base64');

    const secretariat = tempStore();
    try {
      secretariat.store.bundles.import(readBundle(before));
      expect(secretariat.store.annotations.get(mark.id).versionId).toBe(doc.version.id);

      const { versionId: v2 } = await call<{ versionId: string }>('reports.import', {
        fileName: '修改稿.txt',
        dataBase64: Buffer.from(revisedReportText()).toString('base64'),
        reportId: doc.report.id,
        label: '修改稿',
      });
      await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
      const carried = (await call<Annotation[]>('annotations.list', { versionId: v2 })).find((a) => a.id === mark.id)!;
      expect(carried.updatedAt).toBe(mark.updatedAt); // carrying is not an edit
      const after = Buffer.from((await call<{ dataBase64: string }>('bundles.export', {})).dataBase64, 'base64');

      const r = secretariat.store.bundles.import(readBundle(after));
      expect(r.conflicts).toEqual([]);
      expect(r.annotations.updated).toBe(1);
      const there = secretariat.store.annotations.get(mark.id);
      expect(there.versionId).toBe(v2);
      expect(there.updatedAt).toBe(mark.updatedAt);
      expect(there.targets.map((t) => t.exact)).toEqual([quote]);
    } finally {
      secretariat.cleanup();
    }
  });
});
