import { sharedJobRunner } from '../../core/jobs/runner';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import { colorLabels } from '../../core/colors';

type LibraryHandlers = Pick<Handlers, 'app.info' | 'reports.list' | 'reports.get' | 'reports.import' | 'reports.rename' | 'versions.rename' | 'settings.get' | 'settings.set' | 'settings.all'>;

export function libraryHandlers(ctx: AppContext): LibraryHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  return {
    'app.info': () => {
      const last = store.settings.get('reader.lastVersionId');
      const reports = store.reports.list();
      const known = last && reports.some((r) => r.versions.some((v) => v.id === last));
      const first = reports[0]?.versions.at(-1)?.id ?? null;
      return { version: ctx.version, platform: ctx.platform, dataDir: ctx.dataDir, startVersionId: known ? last : first, recovery: ctx.recovery ?? null, colorLabels: colorLabels(store.settings.get('colors.labels')) };
    },
    'reports.list': () => store.reports.list(),
    'reports.get': ({ versionId }) => store.reports.getVersion(versionId),
    'reports.import': async ({ fileName, dataBase64, reportId, label }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      // Parsing runs in a worker with a time limit: a pathological file must not freeze the app.
      // The worker gets its own copy (moved, not cloned); `bytes` stays here for the store.
      const copy = new Uint8Array(bytes);
      const parsed = await (ctx.jobs ?? sharedJobRunner()).run('parseReport', { bytes: copy, fileName }, { transfer: [copy.buffer] });
      // SQLite writes stay on this thread: one connection, one transaction.
      const ids = store.reports.importVersion({ parsed, sourceName: fileName, sourceBytes: bytes, reportId, label });
      return { ...ids, report: store.reports.get(ids.reportId), repairs: parsed.repairs };
    },
    'reports.rename': ({ reportId, title }) => {
      store.reports.rename(reportId, title);
      return store.reports.get(reportId);
    },
    'versions.rename': ({ versionId, label }) => {
      store.reports.renameVersion(versionId, label);
      return store.reports.getVersionInfo(versionId);
    },
    'settings.get': ({ key }) => ({ key, value: store.settings.get(key) }),
    'settings.set': ({ key, value }) => {
      store.settings.set(key, value);
      return { key, value };
    },
    'settings.all': () => store.settings.all(),
  };
}
