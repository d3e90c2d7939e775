/**
 * Where a passage is, as amendment lists cite it (FORMATS.md): `第X部分“小标题”中“段首语”一段`.
 * Paragraph numbers are never used: 第二部分第1段 becomes 第2段 as soon as a paragraph is added
 * above it, so a table exported from the consultation draft would point at the wrong paragraph
 * of the printed edition. A paragraph without a lead sentence is cited by its opening words.
 */
import type { Block } from '../report/types';
import { partLabel, quoteLead, sectionLabel } from '../report/citation';
import { PART_LABEL, PART_MARKER, SECTION_MARKER } from '../report/patterns';

export type PositionBlock = Pick<Block, 'id' | 'kind' | 'text' | 'path' | 'part' | 'section' | 'headingEnd' | 'leadEnd'>;

/** Opening words shorter than this do not tell paragraphs apart (各位代表，… starts many). */
const MIN_OPENING = 6;
const MAX_OPENING = 24;

/** A heading without its number and final punctuation: （一）强信心、稳预期。 → 强信心、稳预期. */
export function headingText(b: Pick<Block, 'text' | 'headingEnd'>): string {
  const end = b.headingEnd > 0 ? b.headingEnd : b.text.length;
  const bare = b.text.slice(0, end).trim().replace(PART_MARKER, '').replace(PART_LABEL, '').replace(SECTION_MARKER, '');
  return quoteLead(bare.replace(/[，,、]+$/u, ''));
}

/** The first clause(s) of a paragraph, at least a few characters, cut with …… when long. */
export function openingWords(text: string): string {
  let out = '';
  for (const clause of text.trim().split(/(?<=[，,。；;：:！!？?])/u)) {
    out += clause;
    if ([...out.replace(/[，,。；;：:！!？?\s]/gu, '')].length >= MIN_OPENING) break;
  }
  const words = quoteLead(out.replace(/[，,、]+$/u, ''));
  const chars = [...words];
  return chars.length > MAX_OPENING ? chars.slice(0, MAX_OPENING - 2).join('') + '……' : words;
}

/**
 * The citation of every block of one version, by id. Built once per version: headings of parts
 * and sections are looked up, not searched for per block.
 */
export function passagePositions(blocks: readonly PositionBlock[]): (blockId: string) => string | undefined {
  const partHeads = new Map<number, PositionBlock>();
  const sectionHeads = new Map<string, PositionBlock>();
  const hasParts = blocks.some((b) => b.kind === 'part');
  for (const b of blocks) {
    if (b.kind === 'part' && b.part !== null && !partHeads.has(b.part)) partHeads.set(b.part, b);
    if (b.kind === 'section' && b.section !== null) {
      const key = `${b.part}|${b.section}`;
      if (!sectionHeads.has(key)) sectionHeads.set(key, b);
    }
  }

  /** 第二部分“2024年工作安排” / 第二部分“强信心、稳预期，奋力推动经济稳增长” / '' outside any part. */
  function scope(b: PositionBlock): string {
    const part = b.part !== null ? partLabel(b.part) : '';
    if (b.section !== null) {
      const head = sectionHeads.get(`${b.part}|${b.section}`);
      const heading = head ? headingText(head) : '';
      return part + (heading ? `“${heading}”` : sectionLabel(b.section));
    }
    if (b.part !== null) {
      const head = partHeads.get(b.part);
      const heading = head ? headingText(head) : '';
      return part + (heading ? `“${heading}”` : '');
    }
    if (b.kind === 'closing') return '结尾';
    return hasParts ? '开头' : '';
  }

  function positionOf(b: PositionBlock): string {
    switch (b.kind) {
      case 'title':
        return '标题';
      case 'meta':
      case 'note':
        return b.path;
      case 'part':
        return b.part !== null ? `${partLabel(b.part)}标题“${headingText(b)}”` : b.path;
      case 'section': {
        const heading = headingText(b);
        const part = b.part !== null ? partLabel(b.part) : '';
        // A heading standing alone is cited as the heading; with its body inline, as that paragraph.
        return b.text.slice(b.headingEnd).trim() ? `${part}“${heading}”一段` : `${part}小标题“${heading}”`;
      }
      default: {
        const where = scope(b);
        const words = b.leadEnd > 0 ? quoteLead(b.text.slice(0, b.leadEnd)) : openingWords(b.text);
        if (!words) return b.path;
        // 开头“……”一段 / 结尾“……”一段 read without 中; a part or section takes it.
        const joiner = where && where !== '开头' && where !== '结尾' ? '中' : '';
        return `${where}${joiner}“${words}”一段`;
      }
    }
  }

  const byId = new Map(blocks.map((b) => [b.id, b]));
  const cache = new Map<string, string>();
  return (blockId) => {
    const hit = cache.get(blockId);
    if (hit !== undefined) return hit;
    const b = byId.get(blockId);
    if (!b) return undefined;
    const p = positionOf(b);
    cache.set(blockId, p);
    return p;
  };
}

/** A draft or mark with each target's path replaced by its citation (the stored path when the block is unknown). */
export function withPositions<T extends { targets: { blockId: string; path: string }[] }>(mark: T, position: (blockId: string) => string | undefined): T {
  return { ...mark, targets: mark.targets.map((t) => ({ ...t, path: position(t.blockId) ?? t.path })) };
}
