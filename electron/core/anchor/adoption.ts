/**
 * Did the new version take up a 修改意见? A hint for the deputy, never a verdict: the check is
 * textual (normalised presence of the proposed and original wording), so the reason says what
 * was seen and the UI can ask for a human look when it is unsure.
 */
import type { AdoptionVerdict } from '../common/vocabulary';
import { normalizeString } from './normalize';
import { exactOccurrences, matchQuote } from './quote-match';

export interface AmendmentText {
  /** modify: 将“原文”修改为“新文”; add: 增加“……”; delete: 删去“……” */
  op: 'modify' | 'add' | 'delete';
  original: string;
  proposed: string;
}

export interface AdoptionHint {
  adopted: AdoptionVerdict;
  /** Chinese explanation shown beside the amendment */
  reason: string;
}

/** Similar wording counts as partly adopted: an editor often takes an idea and rewords it. */
const SIMILAR = 0.75;

function similarity(text: string, quote: string): number {
  const m = matchQuote(text, quote, {}, { maxErrors: Math.floor(quote.length * (1 - SIMILAR)) });
  return m ? 1 - m.errors / quote.length : 0;
}

/** `text` with every occurrence of `cut` blanked out (so an original inside the proposal is not counted twice). */
function without(text: string, cut: string): string {
  if (!cut) return text;
  return text.split(cut).join('\u0000');
}

/**
 * Compare an amendment with the new version. `alignedBlockText`, when known, is the new text of
 * the paragraph the amendment was made on; the search is confined to it (an original wording
 * that survives elsewhere in the report does not mean the amendment was ignored).
 */
export function adoptionHint(amendment: AmendmentText, newBlocks: readonly { text: string }[], alignedBlockText?: string): AdoptionHint {
  const space = normalizeString(alignedBlockText ?? newBlocks.map((b) => b.text).join('\n'));
  const original = normalizeString(amendment.original);
  const proposed = normalizeString(amendment.proposed);
  if (!space) return { adopted: 'unknown', reason: '新版本中没有可比对的文字' };
  const where = alignedBlockText !== undefined ? '对应段落' : '新版本';

  if (amendment.op === 'delete') {
    if (!original) return { adopted: 'unknown', reason: '未填写要删去的原文，无法判断' };
    if (exactOccurrences(space, original).length > 0) return { adopted: 'no', reason: `${where}中仍有“${amendment.original}”` };
    if (similarity(space, original) >= SIMILAR) return { adopted: 'partly', reason: `原文已改动，但${where}中仍有相近表述` };
    return { adopted: 'yes', reason: `${where}中已删去“${amendment.original}”` };
  }

  if (!proposed) return { adopted: 'unknown', reason: '未填写建议的新表述，无法判断' };
  const proposedPresent = exactOccurrences(space, proposed).length > 0;

  if (amendment.op === 'add') {
    if (proposedPresent) return { adopted: 'yes', reason: `${where}中已出现建议增加的“${amendment.proposed}”` };
    if (similarity(space, proposed) >= SIMILAR) return { adopted: 'partly', reason: `${where}中出现了与建议相近的表述` };
    return { adopted: 'no', reason: `${where}中未见建议增加的内容` };
  }

  // modify
  if (!original) return proposedPresent ? { adopted: 'yes', reason: `${where}中已出现建议的新表述` } : { adopted: 'no', reason: `${where}中未见建议的新表述` };
  const originalLeft = exactOccurrences(without(space, proposed), original).length > 0;
  if (proposedPresent && !originalLeft) return { adopted: 'yes', reason: `已将“${amendment.original}”改为“${amendment.proposed}”` };
  if (proposedPresent) return { adopted: 'partly', reason: `${where}中已出现新表述，但原表述“${amendment.original}”仍在` };
  if (originalLeft) return { adopted: 'no', reason: `${where}中原表述“${amendment.original}”未改动` };
  if (similarity(space, proposed) >= SIMILAR) return { adopted: 'partly', reason: `原表述已改动，出现了与建议相近的表述` };
  return { adopted: 'unknown', reason: `原表述已改动，但未见建议的新表述，请人工核对` };
}
