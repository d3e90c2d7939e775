/**
 * An in-memory stand-in for the annotation part of the API, with the contract's types, so store
 * logic (undo/redo, filters) is tested without a back end.
 */
import type { Annotation, Api, ErrorCode } from '../../electron/api/contract';

type AnnotationApi = Pick<
  Api,
  'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.restore' | 'annotations.list' | 'annotations.tags'
>;

export function fakeAnnotationApi() {
  const rows = new Map<string, Annotation>();
  let n = 0;
  const live = () => [...rows.values()].filter((a) => !a.deletedAt);
  const api = {
    'annotations.create': async (a) => {
      const now = new Date(++n * 1000).toISOString();
      const row: Annotation = {
        id: a.id ?? `a${n}`,
        reportId: 'r',
        versionId: a.versionId,
        color: a.color,
        note: a.note ?? '',
        tags: a.tags ?? [],
        author: '',
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        anchorStatus: 'unchanged',
        anchorScore: 1,
        // as the back end stores them: the quote from the text (this fake has none), no context
        targets: a.targets.map((t) => ({ ...t, exact: t.exact ?? '', prefix: t.prefix ?? '', suffix: t.suffix ?? '' })),
      };
      rows.set(row.id, row);
      return row;
    },
    'annotations.update': async ({ id, ...patch }) => {
      const row = { ...rows.get(id)!, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      rows.set(id, row);
      return row;
    },
    'annotations.delete': async ({ id }) => {
      const row = rows.get(id)!;
      rows.set(id, { ...row, deletedAt: 'now' });
      return row;
    },
    'annotations.restore': async ({ id }) => {
      const row = { ...rows.get(id)!, deletedAt: null };
      rows.set(id, row);
      return row;
    },
    'annotations.list': async () => live(),
    'annotations.tags': async () => [...new Set(live().flatMap((a) => a.tags))].sort(),
  } satisfies AnnotationApi;
  return { api, rows, live };
}

type BundleImportApi = Pick<Api, 'bundles.import'>;

/**
 * bundles.import over one sealed bundle, answering as the back end does: no passphrase →
 * bundle/passphrase-required, a wrong one → seal/wrong-passphrase (errors shaped like the
 * client's ApiCallError: `code` + Chinese message). Records every passphrase it was sent.
 */
export function fakeSealedBundleApi(passphrase: string, makeError: (code: ErrorCode, message: string) => Error) {
  const tried: (string | undefined)[] = [];
  const api = {
    'bundles.import': async (a) => {
      tried.push(a.passphrase);
      if (a.passphrase === undefined) throw makeError('bundle/passphrase-required', '这个交换包设置了口令，请输入口令后再导入。');
      if (a.passphrase !== passphrase) throw makeError('seal/wrong-passphrase', '口令不正确，无法打开这个文件。');
      const counts = { added: 1, updated: 0, unchanged: 0, deleted: 0 };
      return {
        reports: { added: 0, unchanged: 1 },
        versions: { added: 0, unchanged: 1 },
        annotations: counts,
        drafts: { ...counts, added: 0 },
        conflicts: [],
        bundleAuthor: '张代表',
        bundleCreatedAt: '2025-03-05T06:00:00.000Z',
      };
    },
  } satisfies BundleImportApi;
  return { api, tried };
}
