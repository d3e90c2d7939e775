/**
 * export.* — drafts and annotations out as the official forms and lists (docx, Markdown, CSV)
 * and as W3C Web Annotation. This file gathers what to export from the store in document order;
 * core/draft builds the bytes; exportFile decides where they go.
 */
import { liveStore, type AppContext } from '../context';
import type { Handlers, ParsedArgs } from '../contract';
import type { ExportResult, ExportWhat } from '../contract/drafts';
import type { Annotation, VersionInfo } from '../../core/model';
import type { StoredDraft } from '../../core/store/drafts';
import {
  affiliationsByAuthor,
  amendmentRowsFromDrafts,
  amendmentTableCsv,
  amendmentTableDocx,
  amendmentTableMarkdown,
  digestCsv,
  digestDocx,
  digestFromAnnotations,
  digestMarkdown,
  draftFileStem,
  draftToDocx,
  draftToMarkdown,
  opinionItemsFromDrafts,
  opinionListDocx,
  opinionListMarkdown,
  webAnnotationJson,
  type Draft,
  type ExportAnnotation,
} from '../../core/draft';
import { ReviewDeskError } from '../../core/errors';
import { affiliationFor, authorSettings, blockCache, isDraftKind, positionedDraft, reportDisplayTitle, toDraft, type BlockCache } from './draftView';
import { FORMAT_FILE, inlineExport, safeFileName, writeExport, type ExportFormat } from './exportFile';
import { colorLabels } from '../../core/colors';

type ExportHandlers = Pick<Handlers, 'export.docx' | 'export.markdown' | 'export.csv' | 'export.webAnnotation'>;
type ExportArgs = ParsedArgs<'export.docx'>;


/** What each export is called, in messages and as the start of its file name. */
const WHAT_NAMES: Record<ExportWhat, string> = {
  draft: '意见稿',
  amendments: '修改意见汇总表',
  opinions: '审议意见',
  digest: '批注摘要',
  annotations: '批注',
};

function unsupported(what: ExportWhat, format: ExportFormat): never {
  throw new ReviewDeskError('export/unsupported', `${WHAT_NAMES[what]}不能导出为${FORMAT_FILE[format].label}。`);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 2024年1月20日, as dates are written on the forms. */
function chineseDate(d = new Date()): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
/** Local time as a reader reads it in a digest: 2024-01-20 09:30. */
function displayTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}


export function exportHandlers(ctx: AppContext): ExportHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const blocks: BlockCache = blockCache(store);

  /** The version to export: the one asked for (it must belong to the report), else the latest. */
  function versionOf(reportId: string, versionId?: string): { title: string; version: VersionInfo } {
    const report = store.reports.get(reportId);
    const version = versionId ? report.versions.find((v) => v.id === versionId) : report.versions.at(-1);
    if (!version) throw new ReviewDeskError('not-found/version', '找不到该报告版本，可能已被删除。');
    return { title: reportDisplayTitle(report), version };
  }

  /** Document order of a draft's first target: part, section, paragraph, then offset; unplaced ones last. */
  function byPosition(a: StoredDraft, b: StoredDraft): number {
    const key = (d: StoredDraft): [number, number] => {
      const t = d.targets[0];
      const ord = t ? blocks(d.versionId).byId.get(t.blockId)?.ord : undefined;
      return ord === undefined || !t ? [Number.MAX_SAFE_INTEGER, 0] : [ord, t.start];
    };
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || a.createdAt.localeCompare(b.createdAt);
  }

  /** A report's drafts of one kind in reading order, their targets citing passages as FORMATS.md asks. */
  function draftsOfKind(reportId: string, kind: Draft['kind']): Draft[] {
    return store.drafts
      .listByReport(reportId)
      .filter((d) => d.kind === kind)
      .sort(byPosition)
      .map((d) => positionedDraft(blocks, d));
  }

  /** 代表团 / 界别 after each proposer's name: the draft's own, the user's for their drafts, else the author's other drafts'. */
  function affiliationResolver(reportId: string) {
    const me = authorSettings(store);
    const known = affiliationsByAuthor(store.drafts.listByReport(reportId).map(toDraft));
    return (d: Draft) => affiliationFor(d, me, known);
  }

  function exportAnnotations(versionId: string, forDigest: boolean): ExportAnnotation[] {
    const labels = colorLabels(store.settings.get('colors.labels'));
    const { byId, position } = blocks(versionId);
    return store.annotations.list(versionId).map((a: Annotation) => ({
      id: a.id,
      color: a.color,
      colorLabel: labels[a.color] ?? a.color,
      note: a.note,
      tags: a.tags,
      author: a.author,
      // The digest is read by people; Web Annotation wants ISO 8601.
      createdAt: forDigest ? displayTime(a.createdAt) : a.createdAt,
      updatedAt: a.updatedAt,
      targets: a.targets.map((t) => ({ ...t, path: position(t.blockId) || t.path || byId.get(t.blockId)?.path || '' })),
    }));
  }

  function digestOf(versionId: string, reportTitle: string, versionLabel: string) {
    const { byId } = blocks(versionId);
    return digestFromAnnotations({
      reportTitle,
      versionLabel,
      annotations: exportAnnotations(versionId, true),
      blockOrder: (id) => byId.get(id)?.ord,
    });
  }

  /** Builds the file's name and bytes for one export request. */
  async function build(format: ExportFormat, args: ExportArgs): Promise<{ stem: string; bytes: Uint8Array }> {
    const { title, version } = versionOf(args.reportId, args.versionId);
    const author = authorSettings(store);
    const affiliation = affiliationResolver(args.reportId);
    const text = (s: string) => new TextEncoder().encode(s);
    // A compiled list is named after the report; a single draft after itself (draftFileStem), so
    // the two never share a file name.
    const stem = (s: string) => `${s}-${title}`;

    switch (args.what) {
      case 'draft': {
        if (!args.draftId) throw new ReviewDeskError('export/no-draft', '请先选择要导出的意见稿。');
        const stored = store.drafts.get(args.draftId);
        if (stored.reportId !== args.reportId) throw new ReviewDeskError('not-found/draft', '这份意见稿不属于当前报告。');
        if (!isDraftKind(stored.kind)) throw new ReviewDeskError('draft.unknownKind', `无法导出：未知的稿件类型“${stored.kind}”`);
        const draft = positionedDraft(blocks, stored);
        const own = store.reports.getVersionInfo(draft.versionId);
        const dctx = { reportTitle: title, versionLabel: own.label, affiliation: affiliation(draft) };
        const name = draftFileStem(draft);
        if (format === 'docx') return { stem: name, bytes: await draftToDocx(draft, dctx) };
        if (format === 'markdown') return { stem: name, bytes: text(draftToMarkdown(draft, dctx)) };
        if (format === 'csv' && draft.kind === 'amendment') {
          const rows = amendmentRowsFromDrafts([draft], affiliation);
          return { stem: name, bytes: text(amendmentTableCsv({ reportTitle: title, versionLabel: own.label, rows })) };
        }
        return unsupported('draft', format);
      }
      case 'amendments': {
        const input = {
          reportTitle: title,
          versionLabel: version.label,
          rows: amendmentRowsFromDrafts(draftsOfKind(args.reportId, 'amendment'), affiliation),
          compiledBy: author.role === 'deputy' ? author.delegation || undefined : undefined,
          date: chineseDate(),
        };
        const name = stem('修改意见汇总表');
        if (format === 'docx') return { stem: name, bytes: await amendmentTableDocx(input) };
        if (format === 'markdown') return { stem: name, bytes: text(amendmentTableMarkdown(input)) };
        if (format === 'csv') return { stem: name, bytes: text(amendmentTableCsv(input)) };
        return unsupported('amendments', format);
      }
      case 'opinions': {
        const input = { reportTitle: title, versionLabel: version.label, items: opinionItemsFromDrafts(draftsOfKind(args.reportId, 'opinion')) };
        const name = stem('审议意见汇总');
        if (format === 'docx') return { stem: name, bytes: await opinionListDocx(input) };
        if (format === 'markdown') return { stem: name, bytes: text(opinionListMarkdown(input)) };
        return unsupported('opinions', format);
      }
      case 'digest': {
        const input = digestOf(version.id, title, version.label);
        const name = stem('批注摘要');
        if (format === 'docx') return { stem: name, bytes: await digestDocx(input) };
        if (format === 'markdown') return { stem: name, bytes: text(digestMarkdown(input)) };
        if (format === 'csv') return { stem: name, bytes: text(digestCsv(input)) };
        return unsupported('digest', format);
      }
      case 'annotations': {
        if (format !== 'webAnnotation') return unsupported('annotations', format);
        const { byId } = blocks(version.id);
        const json = webAnnotationJson({
          reportId: args.reportId,
          versionId: version.id,
          label: `${title}（${version.label}）批注`,
          annotations: exportAnnotations(version.id, false),
          blockText: (id) => byId.get(id)?.text,
        });
        return { stem: stem('批注'), bytes: text(json) };
      }
    }
  }

  const run = (format: ExportFormat) => async (args: ExportArgs): Promise<ExportResult> => {
    if (format === 'webAnnotation' && args.what !== 'annotations') unsupported(args.what, format);
    const { stem, bytes } = await build(format, args);
    const fileName = safeFileName(stem, FORMAT_FILE[format].ext);
    return args.destination ? writeExport(args.destination, format, bytes) : inlineExport(fileName, format, bytes);
  };

  return {
    'export.docx': run('docx'),
    'export.markdown': run('markdown'),
    'export.csv': run('csv'),
    'export.webAnnotation': run('webAnnotation'),
  };
}
