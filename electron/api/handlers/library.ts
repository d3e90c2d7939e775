import { alignmentCoverage, SAME_REPORT_COVERAGE } from '../../core/anchor';
import { sharedJobRunner } from '../../core/jobs/runner';
import type { Block, ParsedReport } from '../../core/report/types';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import type { ImportQuestion, ImportQuestionKind, ReaderVersion } from '../contract/library';
import type { ReportVersion } from '../../core/model';
import { passagePositions } from '../../core/draft/position';
import { reportDisplayTitle } from '../../core/draft/naming';
import { colorLabels } from '../../core/common/colors';

type LibraryHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'reports.list'
  | 'reports.get'
  | 'reports.import'
  | 'reports.rename'
  | 'versions.rename'
  | 'reports.delete'
  | 'reports.restore'
  | 'versions.delete'
  | 'versions.restore'
  | 'trash.list'
  | 'settings.get'
  | 'settings.set'
  | 'settings.all'
>;

/** A stored version with what the reader cites it by: each block's position and the report's full name. */
export function readerVersion(doc: ReportVersion): ReaderVersion {
  const position = passagePositions(doc.blocks);
  return {
    ...doc,
    blocks: doc.blocks.map((b) => ({ ...b, position: position(b.id) || b.path })),
    citationTitle: reportDisplayTitle(doc.report),
  };
}

const idAndText = (b: Pick<Block, 'id' | 'text'>) => ({ id: b.id, text: b.text });

export function libraryHandlers(ctx: AppContext): LibraryHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const jobs = () => ctx.jobs ?? sharedJobRunner();

  /**
   * Whether the user must be asked before this file is written: its paragraphs are exactly those
   * of a version already in the library, or, offered as the next version of a report, it shares
   * too little with that report's newest version to be a revision of it (measured on the paragraph
   * alignment, in a worker like the compare view's).
   */
  async function questionFor(
    parsed: ParsedReport,
    fileName: string,
    reportId: string | undefined,
    accept: readonly ImportQuestionKind[],
  ): Promise<ImportQuestion | null> {
    const fileTitle = parsed.title ?? fileName.replace(/\.[^.]+$/, '');
    const base = { fileName, fileTitle, reportTitle: '', coverage: 0, existing: null };
    if (!accept.includes('same-text')) {
      const same = store.reports.findSameText(parsed.blocks.map((b) => b.text));
      if (same) {
        const report = store.reports.get(same.reportId);
        return {
          ...base,
          question: 'same-text',
          coverage: 1,
          existing: { reportId: report.id, versionId: same.id, reportTitle: report.title, label: same.label },
        };
      }
    }
    if (reportId && !accept.includes('different-report')) {
      const report = store.reports.get(reportId); // a missing report fails here, before any work
      const newest = report.versions.at(-1);
      if (newest) {
        const oldBlocks = store.reports.blocksOf(newest.id);
        const diff = await jobs().run('compareVersions', { oldBlocks: oldBlocks.map(idAndText), newBlocks: parsed.blocks.map(idAndText) });
        const coverage = alignmentCoverage(diff.alignment, oldBlocks, parsed.blocks);
        if (coverage < SAME_REPORT_COVERAGE)
          return { ...base, question: 'different-report', reportTitle: report.title, coverage: Math.round(coverage * 100) / 100 };
      }
    }
    return null;
  }

  return {
    'app.info': () => {
      const last = store.settings.get('reader.lastVersionId');
      const reports = store.reports.list();
      const known = last && reports.some((r) => r.versions.some((v) => v.id === last));
      const first = reports[0]?.versions.at(-1)?.id ?? null;
      return {
        version: ctx.version,
        platform: ctx.platform,
        dataDir: ctx.dataDir,
        startVersionId: known ? last : first,
        recovery: ctx.recovery ?? null,
        colorLabels: colorLabels(store.settings.get('colors.labels')),
      };
    },
    'reports.list': () => store.reports.list(),
    'reports.get': ({ versionId }) => readerVersion(store.reports.getVersion(versionId)),
    'reports.import': async ({ fileName, dataBase64, reportId, label, accept = [] }) => {
      if (reportId) store.reports.get(reportId); // refuse a report that is gone before parsing anything
      const bytes = Buffer.from(dataBase64, 'base64');
      // Parsing runs in a worker with a time limit: a pathological file must not freeze the app.
      // The worker gets its own copy (moved, not cloned); `bytes` stays here for the store.
      const copy = new Uint8Array(bytes);
      const parsed = await (ctx.jobs ?? sharedJobRunner()).run('parseReport', { bytes: copy, fileName }, { transfer: [copy.buffer] });
      const question = await questionFor(parsed, fileName, reportId, accept);
      if (question) return question;
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
    'reports.delete': ({ reportId }) => {
      const { title } = store.reports.get(reportId);
      store.reports.softDelete(reportId);
      return { reportId, title };
    },
    'reports.restore': ({ reportId }) => {
      store.reports.restore(reportId);
      return store.reports.get(reportId);
    },
    'versions.delete': ({ versionId }) => {
      store.reports.softDeleteVersion(versionId);
      return store.reports.getVersionInfo(versionId);
    },
    'versions.restore': ({ versionId }) => {
      store.reports.restoreVersion(versionId);
      return store.reports.getVersionInfo(versionId);
    },
    'trash.list': () => store.reports.trash(),
    'settings.get': ({ key }) => ({ key, value: store.settings.get(key) }),
    'settings.set': ({ key, value }) => {
      store.settings.set(key, value);
      return { key, value };
    },
    'settings.all': () => store.settings.all(),
  };
}
