import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';

type AnnotationHandlers = Pick<
  Handlers,
  'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.restore' | 'annotations.list' | 'annotations.tags' | 'search.query'
>;

export function annotationHandlers(ctx: AppContext): AnnotationHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  return {
    // The row is committed (synchronous=FULL) before this returns: the UI says “已保存” only then.
    'annotations.create': (a) => store.annotations.create({ ...a, author: store.settings.get('author.name') ?? '' }),
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
