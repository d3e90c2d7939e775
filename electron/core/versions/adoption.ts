/**
 * Whether a new version took up the report's 修改意见: for each amendment made on the old
 * version (or carried to the new one), the paragraph it was made on, what that paragraph became,
 * and anchor/adoption's textual hint. A hint, never a verdict.
 */
import { adoptionHint, type AdoptionHint, type AmendmentText } from '../anchor/adoption';
import type { AmendmentFields } from '../draft';
import { ReviewDeskError } from '../errors';
import type { Store } from '../store';
import type { DescribeDraft, VersionPairs } from './views';

/** Whether the new version took up an amendment: a textual HINT, never a verdict. */
export interface AdoptionRow extends AdoptionHint {
  draftId: string;
  label: string;
  wording: string;
  op: AmendmentText['op'];
  /** the paragraph the amendment was made on, old version; null when unknown */
  oldBlockId: string | null;
  /** the paragraph(s) it became in the new version */
  newBlockIds: string[];
  hint: true;
}

export interface AdoptionDeps {
  pairs: VersionPairs;
  describeDraft: DescribeDraft;
}

export async function amendmentAdoption(store: Store, fromVersionId: string, toVersionId: string, deps: AdoptionDeps): Promise<AdoptionRow[]> {
  if (fromVersionId === toVersionId) throw new ReviewDeskError('versions/same', '请选择两个不同的版本。');
  const pair = await deps.pairs(fromVersionId, toVersionId);
  const { reportId } = store.reports.getVersionInfo(fromVersionId);
  const newById = new Map(pair.newBlocks.map((b) => [b.id, b]));
  const amendments = store.drafts.listByReport(reportId).filter((d) => d.kind === 'amendment');
  const history = store.revisions.latestFrom(
    fromVersionId,
    amendments.map((d) => d.id),
  );
  const rows: AdoptionRow[] = [];
  for (const d of amendments) {
    // The paragraph the amendment was made on, in the old version.
    const oldTarget = d.versionId === fromVersionId ? d.targets[0] : history.get(d.id)?.targets[0];
    let newBlockIds: string[] = [];
    if (oldTarget) newBlockIds = pair.alignedNew(oldTarget.blockId);
    else if (d.versionId === toVersionId && d.targets[0] && d.anchorStatus !== 'orphaned') newBlockIds = [d.targets[0].blockId];
    else if (d.versionId !== fromVersionId && d.versionId !== toVersionId) continue; // about other versions
    const f = d.fields as unknown as Partial<AmendmentFields>;
    const amendment = { op: f.op ?? 'modify', original: f.original ?? '', proposed: f.proposed ?? '' };
    const aligned = newBlockIds.map((id) => newById.get(id)?.text ?? '').join('');
    // A paragraph that is gone: look through the whole new version (a deletion is then adopted).
    const hint = adoptionHint(amendment, pair.newBlocks, newBlockIds.length ? aligned : undefined);
    const view = deps.describeDraft(d);
    rows.push({
      ...hint,
      draftId: d.id,
      label: view.label,
      wording: view.wording,
      op: amendment.op,
      oldBlockId: oldTarget?.blockId ?? null,
      newBlockIds,
      hint: true as const,
    });
  }
  return rows;
}
