/**
 * export.* — drafts and annotations out as the official forms and lists (docx, Markdown, CSV)
 * and as W3C Web Annotation. EXPORTS says, for each thing exported, what it is built from and
 * which formats it has: a new format or a new kind of export is one entry there. What goes in
 * is gathered by core/exports in document order; core/draft builds the bytes; exportFile
 * decides where they go.
 */
import { liveStore, type AppContext } from '../context';
import type { Handlers, ParsedArgs } from '../contract';
import type { ExportResult, ExportWhat } from '../contract/drafts';
import type { VersionInfo } from '../../core/model';
import type { Store } from '../../core/store';
import {
  affiliationsByAuthor,
  amendmentRowsFromDrafts,
  amendmentTableCsv,
  amendmentTableDocx,
  amendmentTableMarkdown,
  digestCsv,
  digestDocx,
  digestMarkdown,
  draftFileStem,
  draftToDocx,
  draftToMarkdown,
  filesZip,
  formsMarkdown,
  opinionItemsFromDrafts,
  proposalDocsFromDrafts,
  proposalMarkdown,
  proposalsCsv,
  proposalsDocx,
  suggestionDocsFromDrafts,
  suggestionMarkdown,
  suggestionsCsv,
  suggestionsDocx,
  opinionListDocx,
  opinionListMarkdown,
  webAnnotationJson,
  type Draft,
  type FormCollection,
  type WithPassages,
} from '../../core/draft';
import { ReviewDeskError } from '../../core/errors';
import { ledgerBook, ledgerCsv, ledgerXlsx, type LedgerBook } from '../../core/ledger';
import { exportSources, type ExportSources } from '../../core/exports/sources';
import { chineseDate } from '../../core/common/localTime';
import { affiliationFor, authorSettings, blockCache, isDraftKind, positionedDraft, toDraft, type AuthorSettings, type BlockCache } from '../../core/draft/view';
import { FORMAT_FILE, inlineExport, safeFileName, writeExport, type ExportFormat } from './exportFile';

type ExportHandlers = Pick<Handlers, 'export.docx' | 'export.markdown' | 'export.csv' | 'export.webAnnotation' | 'export.zip' | 'export.xlsx'>;
type ExportArgs = ParsedArgs<'export.docx'>;

/** What each export is called, in messages. */
const WHAT_NAMES: Record<ExportWhat, string> = {
  draft: '意见稿',
  amendments: '修改意见汇总表',
  opinions: '审议意见',
  suggestions: '代表建议',
  proposals: '政协提案',
  digest: '批注摘要',
  annotations: '批注',
  ledger: '承诺台账',
};

function unsupported(what: ExportWhat, format: ExportFormat): never {
  throw new ReviewDeskError('export/unsupported', `${WHAT_NAMES[what]}不能导出为${FORMAT_FILE[format].label}。`);
}

/** One export request with what every kind of export may need. */
interface ExportRequest {
  args: ExportArgs;
  store: Store;
  blocks: BlockCache;
  sources: ExportSources;
  /** the report's display title and the version exported */
  title: string;
  version: VersionInfo;
  author: AuthorSettings;
  /** 代表团 / 界别 after each proposer's name */
  affiliation: (d: Draft) => string;
  ledger: LedgerBook;
}

/** A file's content: text is written as UTF-8. */
type Content = Uint8Array | string;

interface ExportKind<Input> {
  /** what every format of this export is built from, and the start of its file name */
  gather(req: ExportRequest): { stem: string; input: Input };
  formats: { [F in ExportFormat]?: (input: Input) => Content | Promise<Content> };
}
/** Each entry's input type checked against its own formats; the table holds them side by side. */
const exportKind = <Input>(kind: ExportKind<Input>) => kind as unknown as ExportKind<unknown>;

/** A collection of forms: the docs for the lists, the drafts themselves for one file each. */
type FormsInput<Doc> = FormCollection<WithPassages<Doc>> & { drafts: Draft[]; req: ExportRequest };

/** Each draft of a collection as its own .docx, named after it, in one .zip. */
async function eachAsDocx({ drafts, req }: FormsInput<unknown>): Promise<Uint8Array> {
  if (drafts.length === 0) throw new ReviewDeskError('export/empty', '这份报告还没有这类意见稿，没有可导出的文件。');
  const files = [];
  for (const d of drafts) {
    const ctx = { reportTitle: req.title, versionLabel: req.store.reports.getVersionInfo(d.versionId).label, affiliation: req.affiliation(d) };
    files.push({ stem: draftFileStem(d), bytes: await draftToDocx(d, ctx) });
  }
  return filesZip(files, '.docx');
}

/** A report's forms of one kind: one .docx (a page each), a register .csv, Markdown, or one .docx each in a .zip. */
function formsExport<Doc>(f: {
  kind: 'suggestion' | 'proposal';
  name: string;
  docs: (drafts: Draft[]) => WithPassages<Doc>[];
  docx: (c: FormCollection<Doc>) => Promise<Uint8Array>;
  csv: (c: FormCollection<WithPassages<Doc>>) => string;
  markdown: (doc: Doc) => string;
  empty: string;
}) {
  return exportKind<FormsInput<Doc>>({
    gather: (req) => {
      const drafts = req.sources.draftsOfKind(req.args.reportId, f.kind);
      return { stem: listStem(f.name, req), input: { reportTitle: req.title, docs: f.docs(drafts), drafts, req } };
    },
    formats: { docx: f.docx, csv: f.csv, markdown: ({ docs }) => formsMarkdown(docs, f.markdown, f.empty), zip: eachAsDocx },
  });
}

/**
 * A compiled list is named after the report; a single draft after itself (draftFileStem), so the
 * two never share a file name.
 */
const listStem = (name: string, req: ExportRequest) => `${name}-${req.title}`;

const EXPORTS: { [W in ExportWhat]: ExportKind<unknown> } = {
  draft: exportKind({
    gather: ({ args, store, blocks, title, affiliation }) => {
      if (!args.draftId) throw new ReviewDeskError('export/no-draft', '请先选择要导出的意见稿。');
      const stored = store.drafts.get(args.draftId);
      if (stored.reportId !== args.reportId) throw new ReviewDeskError('not-found/draft', '这份意见稿不属于当前报告。');
      if (!isDraftKind(stored.kind)) throw new ReviewDeskError('draft.unknownKind', `无法导出：未知的稿件类型“${stored.kind}”`);
      const draft = positionedDraft(blocks, stored);
      const own = store.reports.getVersionInfo(draft.versionId);
      return {
        stem: draftFileStem(draft),
        input: { draft, title, own, affiliation, dctx: { reportTitle: title, versionLabel: own.label, affiliation: affiliation(draft) } },
      };
    },
    formats: {
      docx: ({ draft, dctx }) => draftToDocx(draft, dctx),
      markdown: ({ draft, dctx }) => draftToMarkdown(draft, dctx),
      csv: ({ draft, title, own, affiliation }) =>
        draft.kind === 'amendment'
          ? amendmentTableCsv({ reportTitle: title, versionLabel: own.label, rows: amendmentRowsFromDrafts([draft], affiliation) })
          : unsupported('draft', 'csv'),
    },
  }),
  amendments: exportKind({
    gather: (req) => ({
      stem: listStem('修改意见汇总表', req),
      input: {
        reportTitle: req.title,
        versionLabel: req.version.label,
        rows: amendmentRowsFromDrafts(req.sources.draftsOfKind(req.args.reportId, 'amendment'), req.affiliation),
        compiledBy: req.author.role === 'deputy' ? req.author.delegation || undefined : undefined,
        date: chineseDate(),
      },
    }),
    formats: { docx: amendmentTableDocx, markdown: amendmentTableMarkdown, csv: amendmentTableCsv },
  }),
  opinions: exportKind({
    gather: (req) => ({
      stem: listStem('审议意见简报', req),
      input: {
        reportTitle: req.title,
        versionLabel: req.version.label,
        items: opinionItemsFromDrafts(req.sources.draftsOfKind(req.args.reportId, 'opinion')),
        briefing: { date: chineseDate() },
      },
    }),
    formats: { docx: opinionListDocx, markdown: opinionListMarkdown },
  }),
  suggestions: formsExport({
    kind: 'suggestion',
    name: '代表建议',
    docs: suggestionDocsFromDrafts,
    docx: suggestionsDocx,
    csv: suggestionsCsv,
    markdown: suggestionMarkdown,
    empty: '（暂无代表建议）',
  }),
  proposals: formsExport({
    kind: 'proposal',
    name: '政协提案',
    docs: proposalDocsFromDrafts,
    docx: proposalsDocx,
    csv: proposalsCsv,
    markdown: proposalMarkdown,
    empty: '（暂无提案）',
  }),
  digest: exportKind({
    gather: (req) => ({ stem: listStem('批注摘要', req), input: req.sources.digest(req.version.id, req.title, req.version.label) }),
    formats: { docx: digestDocx, markdown: digestMarkdown, csv: digestCsv },
  }),
  annotations: exportKind({
    gather: (req) => ({
      stem: listStem('批注', req),
      input: {
        reportId: req.args.reportId,
        versionId: req.version.id,
        label: `${req.title}（${req.version.label}）批注`,
        annotations: req.sources.annotations(req.version.id, false),
        blockText: req.sources.blockText(req.version.id),
      },
    }),
    formats: { webAnnotation: webAnnotationJson },
  }),
  ledger: exportKind({
    gather: (req) => ({
      stem: listStem('承诺台账', req),
      input: { reportTitle: req.title, versionLabel: req.version.label, rows: req.ledger.rows(req.version.id) },
    }),
    formats: { xlsx: ledgerXlsx, csv: ledgerCsv },
  }),
};

export function exportHandlers(ctx: AppContext): ExportHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const blocks: BlockCache = blockCache(store);
  const sources = exportSources(store, { blocks, positioned: (d) => positionedDraft(blocks, d) });
  const ledger = ledgerBook(store);

  /** 代表团 / 界别 after each proposer's name: the draft's own, the user's for their drafts, else the author's other drafts'. */
  function affiliationResolver(reportId: string) {
    const me = authorSettings(store);
    const known = affiliationsByAuthor(store.drafts.listByReport(reportId).map(toDraft));
    return (d: Draft) => affiliationFor(d, me, known);
  }

  const run =
    (format: ExportFormat) =>
    async (args: ExportArgs): Promise<ExportResult> => {
      const kind = EXPORTS[args.what];
      const produce = kind.formats[format];
      if (!produce) unsupported(args.what, format);
      const { title, version } = sources.versionOf(args.reportId, args.versionId);
      const req: ExportRequest = {
        args,
        store,
        blocks,
        sources,
        title,
        version,
        author: authorSettings(store),
        affiliation: affiliationResolver(args.reportId),
        ledger,
      };
      const { stem, input } = kind.gather(req);
      const content = await produce(input);
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const fileName = safeFileName(stem, FORMAT_FILE[format].ext);
      return args.destination ? writeExport(args.destination, format, bytes) : inlineExport(fileName, format, bytes);
    };

  return {
    'export.docx': run('docx'),
    'export.markdown': run('markdown'),
    'export.csv': run('csv'),
    'export.webAnnotation': run('webAnnotation'),
    'export.zip': run('zip'),
    'export.xlsx': run('xlsx'),
  };
}
