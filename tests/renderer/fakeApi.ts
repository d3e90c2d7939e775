/**
 * An in-memory stand-in for the annotation part of the API, with the contract's types, so store
 * logic (undo/redo, filters) is tested without a back end.
 */
import type { Annotation, Api } from '../../electron/api/contract';

type AnnotationApi = Pick<Api, 'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.restore' | 'annotations.list' | 'annotations.tags'>;

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
        targets: a.targets,
      };
      rows.set(row.id, row);
      return row;
    },
    'annotations.update': async ({ id, ...patch }) => {
      const row = { ...rows.get(id)!, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Annotation;
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
