import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import type { DraftKindInfo } from '../contract/drafts';
import { emptyFields, kindModule, kindsForRole, normalizeFields, quoteAddedPassages, signedFields, type DraftKind } from '../../core/draft';
import { ReviewDeskError } from '../../core/errors';
import { authorSettings, blockCache, checkFieldKeys, isDraftKind, viewOf } from '../../core/draft/view';
import { resolveTargetsWith } from '../../core/store/marks';

type DraftHandlers = Pick<Handlers, 'drafts.create' | 'drafts.update' | 'drafts.delete' | 'drafts.restore' | 'drafts.list' | 'drafts.kinds'>;

/** Drops undefined values so a field left out of a patch keeps its stored value. */
function defined(fields: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function draftHandlers(ctx: AppContext): DraftHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const blocks = blockCache(store);
  const view = (d: Parameters<typeof viewOf>[2]) => viewOf(store, blocks, d);

  return {
    'drafts.create': ({ id, versionId, kind, title, fields, targets = [] }) => {
      store.reports.getVersionInfo(versionId); // a missing version is a clear 找不到, before anything else
      checkFieldKeys(kind, fields);
      const { byId } = blocks(versionId);
      const chosen = resolveTargetsWith((blockId) => byId.get(blockId), targets);
      const author = authorSettings(store);
      const passages = chosen.map((t) => ({ quote: t.exact, path: blocks(versionId).position(t.blockId) || byId.get(t.blockId)?.path }));
      const prefilled = emptyFields(kind, {
        selection: passages[0],
        passages,
        settings: {
          authorName: author.name,
          delegation: author.delegation,
          sector: author.sector || (author.role === 'member' ? author.delegation : ''),
          contact: author.contact,
          role: author.role,
        },
        op: fields?.op,
      }) as unknown as Record<string, string>;
      // The row is committed before this returns: the UI says 已保存 only then.
      return view(
        store.drafts.create({
          id,
          versionId,
          kind,
          title: title ?? '',
          fields: { ...prefilled, ...defined(fields) },
          author: author.name,
          targets,
        }),
      );
    },

    'drafts.update': ({ id, title, fields, status, author, targets }) => {
      const cur = store.drafts.get(id);
      // 已提交 is what went to the office: its words change only after 重新打开 (a status change).
      const editsContent = fields !== undefined || title !== undefined || targets !== undefined || (author !== undefined && author !== cur.author);
      if (cur.status === 'submitted' && editsContent && (status === undefined || status === 'submitted')) {
        throw new ReviewDeskError('draft/submitted', '这份意见稿已提交，内容不能再改。如需修改，请先点“重新打开”。');
      }
      if ((fields || targets) && !isDraftKind(cur.kind)) throw new ReviewDeskError('draft/unknown-kind', '这份意见稿的类型无法识别，不能修改。');
      if (fields) checkFieldKeys(cur.kind as DraftKind, fields);
      let next = fields ? { ...cur.fields, ...defined(fields) } : undefined;
      if (author !== undefined && author !== cur.author) {
        // 领衔代表 / 提案人 still naming the previous 提出人 follow the new one
        const signed = signedFields(cur.kind, next ?? cur.fields, cur.author, { name: author, delegation: '', sector: '' });
        if (signed) next = signed;
      }
      if (targets) {
        if (cur.anchorStatus === 'orphaned') {
          throw new ReviewDeskError('draft/orphaned', '这份意见稿所引的段落在当前版本中找不到，请先在“版本”中重新定位，再关联其他段落。');
        }
        const kind = cur.kind as DraftKind;
        const { byId, position } = blocks(cur.versionId);
        const chosen = resolveTargetsWith((blockId) => byId.get(blockId), targets);
        const where = (blockId: string) => position(blockId) || byId.get(blockId)?.path;
        next = quoteAddedPassages(kind, normalizeFields(kind, next ?? cur.fields), cur.targets, chosen, where) ?? next;
      }
      return view(store.drafts.update(id, { title, status, author, fields: next, targets }));
    },

    'drafts.delete': ({ id }) => view(store.drafts.delete(id)),
    'drafts.restore': ({ id }) => view(store.drafts.restore(id)),

    'drafts.list': (args) => {
      if ('reportId' in args) {
        store.reports.get(args.reportId);
        return store.drafts.listByReport(args.reportId).map(view);
      }
      const { reportId } = store.reports.getVersionInfo(args.versionId);
      return store.drafts
        .listByReport(reportId)
        .filter((d) => d.versionId === args.versionId)
        .map(view);
    },

    'drafts.kinds': ({ role }) => {
      const r = role ?? authorSettings(store).role;
      return kindsForRole(r).map((k): DraftKindInfo => {
        // length guidance shown beside the character count (FORMATS.md: proposals ~800, at most 1,500)
        const length = kindModule(k.kind).length;
        return {
          kind: k.kind,
          name: k.name,
          audience: k.audience,
          description: k.description,
          fields: k.fields.map((f) => ({ ...f })),
          ...(length ? { length: { ...length, fields: [...length.fields] } } : {}),
        };
      });
    },
  };
}
