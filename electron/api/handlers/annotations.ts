import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import { resolveTargetsWith } from '../../core/store/marks';
import { blockCache } from '../../core/draft/view';

type AnnotationHandlers = Pick<
  Handlers,
  'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.restore' | 'annotations.list' | 'annotations.tags' | 'search.query'
>;

export function annotationHandlers(ctx: AppContext): AnnotationHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const blocks = blockCache(store);
  return {
    // The row is committed (synchronous=FULL) before this returns: the UI says “已保存” only then.
    'annotations.create': (a) => {
      const { byId } = blocks(a.versionId);
      resolveTargetsWith((blockId) => byId.get(blockId), a.targets); // the user's selection is still the text
      return store.annotations.create({ ...a, author: store.settings.get('author.name') ?? '' });
    },
    'annotations.update': ({ id, ...patch }) => store.annotations.update(id, patch),
    'annotations.delete': ({ id }) => store.annotations.delete(id),
    'annotations.restore': ({ id }) => store.annotations.restore(id),
    // Positions and quotes only: the context selectors stay in the database (see AnnotationListItem).
    'annotations.list': ({ versionId }) =>
      store.annotations.list(versionId).map((a) => ({ ...a, targets: a.targets.map(({ blockId, start, end, exact }) => ({ blockId, start, end, exact })) })),
    'annotations.tags': () => store.annotations.allTags(),
    'search.query': ({ versionId, q, limit }) => {
      const { reportId } = store.reports.getVersionInfo(versionId);
      return store.search.query(q, { versionId, reportId, limit });
    },
  };
}
