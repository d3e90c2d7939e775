/**
 * What goes into an export, gathered from the store in document order: the version exported,
 * a report's drafts of one kind, a version's annotations with their passages cited, the digest.
 * core/draft turns these into the official forms; the API decides the format and the file.
 */
import { colorLabels } from '../common/colors';
import { digestFromAnnotations, reportDisplayTitle, type Draft, type ExportAnnotation } from '../draft';
import { ReviewDeskError } from '../errors';
import type { Annotation, VersionInfo } from '../model';
import { isoLocalMinute } from '../common/localTime';
import type { Block } from '../report/types';
import type { Store } from '../store';
import type { StoredDraft } from '../store/drafts';

export interface ExportSourceDeps {
  /** a version's paragraphs by id, and where each is as exports cite it (a cache) */
  blocks: (versionId: string) => { byId: Map<string, Block>; position: (blockId: string) => string | undefined };
  /** a stored draft as a core Draft whose targets cite their passages */
  positioned: (draft: StoredDraft) => Draft;
}

export function exportSources(store: Store, deps: ExportSourceDeps) {
  const { blocks } = deps;

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
      .map(deps.positioned);
  }

  /** A version's annotations with their passages cited; the digest shows times as people read them. */
  function annotations(versionId: string, forDigest: boolean): ExportAnnotation[] {
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
      createdAt: forDigest ? isoLocalMinute(a.createdAt) : a.createdAt,
      updatedAt: a.updatedAt,
      targets: a.targets.map((t) => ({ ...t, path: position(t.blockId) || t.path || byId.get(t.blockId)?.path || '' })),
    }));
  }

  function digest(versionId: string, reportTitle: string, versionLabel: string) {
    const { byId } = blocks(versionId);
    return digestFromAnnotations({
      reportTitle,
      versionLabel,
      annotations: annotations(versionId, true),
      blockOrder: (id) => byId.get(id)?.ord,
    });
  }

  /** A paragraph's text by id, for exports that quote it. */
  function blockText(versionId: string): (blockId: string) => string | undefined {
    const { byId } = blocks(versionId);
    return (id) => byId.get(id)?.text;
  }

  return { versionOf, draftsOfKind, annotations, digest, blockText };
}
export type ExportSources = ReturnType<typeof exportSources>;
