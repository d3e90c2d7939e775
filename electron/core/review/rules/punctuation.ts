/**
 * 标点符号 (GB/T 15834-2011):
 *  - half-width , ; : ? ! ( ) inside Chinese text — summarised in one finding when the whole
 *    document is typed that way (a newspaper copy), otherwise one per occurrence;
 *  - doubled marks (，， 。。 ，。): error;
 *  - % and ％ both used in one document: hint;
 *  - ”、“ between quoted items: hint only, since the standard allows but usually omits the 顿号.
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { isChineseContext, isHan } from '../text';

/** Past this many occurrences a per-occurrence list is noise: one summary finding instead. */
export const PERVASIVE = 10;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

export const punctuationRule: ReviewRule = {
  meta: {
    id: 'punctuation',
    name: '标点符号',
    description: '中文中的半角标点、重复标点、百分号全半角混用、引号间顿号（GB/T 15834）',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    halfWidth(blocks, out);
    doubled(blocks, out);
    percentSigns(blocks, out);
    quoteCommas(blocks, out);
    return out;
  },
};

interface Hit {
  block: Block;
  start: number;
  end: number;
}

function prevVisible(t: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && t[j] === ' ') j--;
  return j >= 0 ? t[j] : undefined;
}

function nextVisible(t: string, i: number): string | undefined {
  let j = i + 1;
  while (j < t.length && t[j] === ' ') j++;
  return t[j];
}

function halfWidth(blocks: readonly Block[], out: RawFinding[]): void {
  const hits: Hit[] = [];
  for (const b of blocks) {
    const t = b.text;
    for (const m of t.matchAll(/[,;:?!()]/g)) {
      const i = m.index;
      const ch = m[0];
      const prev = prevVisible(t, i);
      const next = nextVisible(t, i);
      // 8:30, 1,000, (1) in an English aside stay as they are.
      if (/\d/.test(prev ?? '') && /\d/.test(next ?? '') && ch !== '(' && ch !== ')') continue;
      const chinese =
        ch === '(' ? isHan(next) || isChineseContext(prev) : ch === ')' ? isHan(prev) || isChineseContext(next) : isChineseContext(prev) || isHan(next);
      if (chinese) hits.push({ block: b, start: i, end: i + 1 });
    }
  }
  if (hits.length >= PERVASIVE) {
    const first = hits[0];
    const marks = [...new Set(hits.map((h) => h.block.text[h.start]))].join(' ');
    out.push({
      blockId: first.block.id,
      severity: 'warning',
      start: first.start,
      end: first.end,
      message: `全文有${hits.length}处半角标点（${marks}）用于中文，按 GB/T 15834 应使用全角标点，建议统一替换（此处为第一处）`,
      suggestion: HALF_TO_FULL[first.block.text[first.start]],
    });
    return;
  }
  for (const h of hits) {
    const ch = h.block.text[h.start];
    out.push({
      blockId: h.block.id,
      severity: 'warning',
      start: h.start,
      end: h.end,
      message: `中文中使用了半角标点“${ch}”，应为全角“${HALF_TO_FULL[ch]}”`,
      suggestion: HALF_TO_FULL[ch],
    });
  }
}

const DOUBLED = /[，,、；;：:]{2,}|。[，、；：。]+|[，、；：][。]/g;

function doubled(blocks: readonly Block[], out: RawFinding[]): void {
  for (const b of blocks) {
    for (const m of b.text.matchAll(DOUBLED)) {
      out.push({
        blockId: b.id,
        severity: 'error',
        start: m.index,
        end: m.index + m[0].length,
        message: `标点重复“${m[0]}”`,
        suggestion: m[0].includes('。') ? '。' : m[0][0],
      });
    }
  }
}

function percentSigns(blocks: readonly Block[], out: RawFinding[]): void {
  const half: Hit[] = [];
  const full: Hit[] = [];
  for (const b of blocks) {
    for (const m of b.text.matchAll(/[%％]/g)) {
      (m[0] === '%' ? half : full).push({ block: b, start: m.index, end: m.index + 1 });
    }
  }
  if (!half.length || !full.length) return;
  const [minority, other] = half.length < full.length ? [half, full] : [full, half];
  const ch = minority[0].block.text[minority[0].start];
  const otherCh = ch === '%' ? '％' : '%';
  out.push({
    blockId: minority[0].block.id,
    severity: 'info',
    start: minority[0].start,
    end: minority[0].end,
    message: `百分号全半角混用：“${otherCh}”${other.length}处、“${ch}”${minority.length}处，建议全文统一`,
    suggestion: otherCh,
  });
}

function quoteCommas(blocks: readonly Block[], out: RawFinding[]): void {
  const hits: Hit[] = [];
  for (const b of blocks) {
    for (const m of b.text.matchAll(/[”》]、[“《]/g)) hits.push({ block: b, start: m.index + 1, end: m.index + 2 });
  }
  const note = 'GB/T 15834 规定引号、书名号标示的并列成分之间通常不用顿号';
  if (hits.length >= PERVASIVE) {
    out.push({
      blockId: hits[0].block.id,
      severity: 'info',
      start: hits[0].start,
      end: hits[0].end,
      message: `全文有${hits.length}处在引号或书名号之间使用顿号，${note}，可统一删去（此处为第一处）`,
      suggestion: '',
    });
    return;
  }
  for (const h of hits) {
    out.push({
      blockId: h.block.id,
      severity: 'info',
      start: h.start,
      end: h.end,
      message: `${note}，此处顿号可删去`,
      suggestion: '',
    });
  }
}
