import { z } from 'zod';
import type { Annotation, AnnotationListItem, SearchHit } from '../../core/model';
import { Color, Target, Uuid, method } from './define';

const Tags = z.array(z.string().trim().min(1).max(50)).max(50);

export const annotationContract = {
  'annotations.create': method<Annotation>()(
    z.strictObject({
      id: Uuid.optional(),
      versionId: Uuid,
      color: Color,
      note: z.string().max(50_000).optional(),
      tags: Tags.optional(),
      targets: z.array(Target).min(1).max(500),
    }),
  ),
  'annotations.update': method<Annotation>()(
    z.strictObject({ id: Uuid, color: Color.optional(), note: z.string().max(50_000).optional(), tags: Tags.optional() }),
  ),
  'annotations.delete': method<Annotation>()(z.strictObject({ id: Uuid })),
  'annotations.restore': method<Annotation>()(z.strictObject({ id: Uuid })),
  'annotations.list': method<AnnotationListItem[]>()(z.strictObject({ versionId: Uuid })),
  'annotations.tags': method<string[]>()(z.strictObject({})),
  'search.query': method<SearchHit[]>()(z.strictObject({ versionId: Uuid, q: z.string().max(200), limit: z.number().int().min(1).max(1000).optional() })),
};
