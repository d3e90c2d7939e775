/**
 * 序号与数量: numbering runs without gaps or repeats (一是 二是 四是, （一）（二）（二）), and a stated
 * count that matches what follows (“七个方面工作：” then （一）…（七）, “三项：” then 一是…三是).
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { chineseNumber, toChineseNumber } from '../text';
import { inlineShiMarkers, isPartHeading, leadingMarker, type Marker, type MarkerKind } from '../structure';

export const numberingRule: ReviewRule = {
  meta: {
    id: 'numbering',
    name: '序号与数量',
    description: '序号跳号、重号，以及“七个方面”等数量与后文列举的条目数不一致',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    leadingRuns(blocks, out);
    for (const b of blocks) inlineRuns(b, out);
    statedCounts(blocks, out);
    return out;
  },
};

function label(kind: MarkerKind, n: number): string {
  if (kind === 'part') return toChineseNumber(n) + '、';
  if (kind === 'section') return '（' + toChineseNumber(n) + '）';
  if (kind === 'arabic') return '（' + n + '）';
  return toChineseNumber(n) + '是';
}

/** Check one run of markers of the same kind; `first` is false when the run may start anywhere. */
function checkRun(run: { blockId: string; m: Marker }[], out: RawFinding[]): void {
  for (let i = 1; i < run.length; i++) {
    const prev = run[i - 1].m.value;
    const { blockId, m } = run[i];
    if (m.value === prev) {
      out.push({
        blockId,
        severity: 'error',
        start: m.start,
        end: m.end,
        message: `序号重复：前面已有“${label(m.kind, prev)}”，此处应为“${label(m.kind, prev + 1)}”`,
        suggestion: label(m.kind, prev + 1),
      });
    } else if (m.value > prev + 1) {
      out.push({
        blockId,
        severity: 'error',
        start: m.start,
        end: m.end,
        message: `序号不连续：“${label(m.kind, prev)}”之后是“${label(m.kind, m.value)}”，缺少“${label(m.kind, prev + 1)}”`,
        suggestion: label(m.kind, prev + 1),
      });
    }
  }
}

/** Block-leading markers: parts across the document, sections within a part, 一是 runs within a section. */
function leadingRuns(blocks: readonly Block[], out: RawFinding[]): void {
  const runs: Record<MarkerKind, { blockId: string; m: Marker }[]> = { part: [], section: [], shi: [], arabic: [] };
  const flush = (kind: MarkerKind) => {
    checkRun(runs[kind], out);
    runs[kind] = [];
  };
  for (const b of blocks) {
    const m = leadingMarker(b);
    if (!m) continue;
    if (m.kind === 'part' || isPartHeading(b)) {
      flush('section');
      flush('shi');
      flush('arabic');
    } else if (m.kind === 'section') {
      flush('shi');
      flush('arabic');
    }
    // A new list starting at one is a new run, not a repeat.
    if (m.value === 1 && runs[m.kind].length) flush(m.kind);
    runs[m.kind].push({ blockId: b.id, m });
  }
  for (const k of Object.keys(runs) as MarkerKind[]) flush(k);
}

/** 一是…二是… inside one paragraph. */
function inlineRuns(b: Block, out: RawFinding[]): void {
  const lead = leadingMarker(b);
  let run: { blockId: string; m: Marker }[] = [];
  for (const m of inlineShiMarkers(b.text)) {
    if (lead && lead.kind === 'shi' && m.start === lead.start) continue; // counted with the blocks
    if (m.value === 1 && run.length) {
      checkRun(run, out);
      run = [];
    }
    if (!run.length && m.value !== 1) continue; // 二是 without 一是 here: continues another paragraph
    run.push({ blockId: b.id, m });
  }
  checkRun(run, out);
}

const COUNT = /([一二三四五六七八九十两]{1,3})(?:个方面|个|项|大|条|点|类|种|方面)[^，。；：:！？“”]{0,12}[：:]/g;

/** “七个方面工作：” against the items that follow, inline or in the next blocks. */
function statedCounts(blocks: readonly Block[], out: RawFinding[]): void {
  blocks.forEach((b, bi) => {
    for (const m of b.text.matchAll(COUNT)) {
      const stated = chineseNumber(m[1] === '两' ? '二' : m[1]);
      if (stated === null || stated < 2) continue;
      const after = m.index + m[0].length;
      let items = inlineShiMarkers(b.text.slice(after)).map((x) => x.value);
      if (!items.length && b.text.slice(after).trim() === '') items = followingItems(blocks, bi);
      if (!items.length) continue;
      const count = countFromOne(items);
      if (count === stated || count === 0) continue;
      out.push({
        blockId: b.id,
        severity: 'error',
        start: m.index,
        end: m.index + m[1].length,
        message: `此处说“${m[1]}”，后文实际列举了${toChineseNumber(count)}项，请核对数量`,
        suggestion: toChineseNumber(count),
      });
    }
  });
}

/** Items of one list: from 一 onwards until the numbering restarts. */
function countFromOne(values: number[]): number {
  if (values[0] !== 1) return 0;
  let n = 1;
  for (let i = 1; i < values.length && values[i] !== 1; i++) n++;
  return n;
}

/** Leading markers of the blocks after a count line: one kind, until the next part (or section, for 一是). */
function followingItems(blocks: readonly Block[], from: number): number[] {
  let kind: MarkerKind | null = null;
  const values: number[] = [];
  let quiet = 0;
  for (let i = from + 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (isPartHeading(b)) break;
    const m = leadingMarker(b);
    if (!kind) {
      if (!m) {
        if (i - from > 2) break;
        continue;
      }
      kind = m.kind;
    }
    if (m && m.kind === kind) {
      values.push(m.value);
      quiet = 0;
    } else if (m && kind === 'shi' && m.kind === 'section') {
      break;
    } else if (kind === 'shi' && ++quiet > 3) {
      break;
    }
  }
  return values;
}
