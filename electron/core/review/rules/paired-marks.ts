/**
 * 成对标点: quotation marks, book-title marks and brackets must open and close within a paragraph
 * (GB/T 15834). Reports unclosed openers, closers without an opener, a closer that comes before its
 * opener (”…“), and a bracket pair whose halves differ in width (（…) ).
 * A closer after a list number at the start of a clause (1）, ①) ) is numbering, not a bracket.
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';

interface Family {
  name: string;
  open: string;
  close: string;
}

const FAMILIES: Family[] = [
  { name: '双引号', open: '“', close: '”' },
  { name: '单引号', open: '‘', close: '’' },
  { name: '书名号', open: '《', close: '》' },
  { name: '单书名号', open: '〈', close: '〉' },
  { name: '括号', open: '（(', close: '）)' },
  { name: '方头括号', open: '【', close: '】' },
  { name: '六角括号', open: '〔', close: '〕' },
];

const OPEN = new Map<string, Family>();
const CLOSE = new Map<string, Family>();
for (const f of FAMILIES) {
  for (const c of f.open) OPEN.set(c, f);
  for (const c of f.close) CLOSE.set(c, f);
}

const MARKS = new RegExp(`[${[...OPEN.keys(), ...CLOSE.keys()].join('').replace(/[()[\]]/g, '\\$&')}]`, 'g');

export const pairedMarksRule: ReviewRule = {
  meta: {
    id: 'paired-marks',
    name: '成对标点',
    description: '同一段内引号、书名号、括号未配对、前后颠倒或全半角不一致',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    for (const b of blocks) checkBlock(b, out);
    return out;
  },
};

/** `1）` `a)` `⑴)` at the start of the block or of a clause: a list number. */
function isNumberingCloser(t: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /[0-9a-zA-Z一二三四五六七八九十]/.test(t[j])) j--;
  if (j === i - 1 || i - 1 - j > 3) return false;
  return j < 0 || /[\s。；;：:，,]/.test(t[j]);
}

function checkBlock(b: Block, out: RawFinding[]): void {
  const t = b.text;
  const stack: { ch: string; pos: number; fam: Family }[] = [];
  const strayClosers: { ch: string; pos: number; fam: Family }[] = [];
  for (const mark of t.matchAll(MARKS)) {
    const i = mark.index;
    const ch = mark[0];
    const opened = OPEN.get(ch);
    if (opened) {
      stack.push({ ch, pos: i, fam: opened });
      continue;
    }
    const fam = CLOSE.get(ch);
    if (!fam) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k].fam !== fam) k--;
    if (k < 0) {
      if (fam.name === '括号' && isNumberingCloser(t, i)) continue;
      strayClosers.push({ ch, pos: i, fam });
      continue;
    }
    // Openers above the match were never closed (“a《b” → 《 unclosed).
    for (const u of stack.splice(k + 1)) out.push(unclosed(b, u.ch, u.pos, u.fam));
    const o = stack.pop()!;
    if (fam.name === '括号' && isFullWidth(o.ch) !== isFullWidth(ch)) {
      out.push({
        blockId: b.id,
        severity: 'warning',
        start: o.pos,
        end: i + 1,
        message: '括号前后半全角不一致',
        suggestion: '（' + t.slice(o.pos + 1, i) + '）',
      });
    }
  }
  for (const c of strayClosers) {
    // ”…“: the closer comes first and an opener of the same kind is left over after it.
    const idx = stack.findIndex((u) => u.fam === c.fam && u.pos > c.pos);
    if (idx >= 0) {
      const u = stack.splice(idx, 1)[0];
      out.push({
        blockId: b.id,
        severity: 'error',
        start: c.pos,
        end: u.pos + 1,
        message: `${c.fam.name}前后颠倒：“${c.ch}”出现在“${u.ch}”之前`,
        suggestion: null,
      });
      continue;
    }
    out.push({
      blockId: b.id,
      severity: 'error',
      start: c.pos,
      end: c.pos + 1,
      message: `${c.fam.name}不配对：“${c.ch}”前面缺少对应的前${c.fam.name === '双引号' || c.fam.name === '单引号' ? '引号' : '半个标号'}`,
      suggestion: null,
    });
  }
  for (const u of stack) out.push(unclosed(b, u.ch, u.pos, u.fam));
}

function isFullWidth(ch: string): boolean {
  return ch.charCodeAt(0) > 0xff;
}

function unclosed(b: Block, ch: string, pos: number, fam: Family): RawFinding {
  return {
    blockId: b.id,
    severity: 'error',
    start: pos,
    end: pos + 1,
    message: `${fam.name}不配对：“${ch}”在本段中没有对应的后${fam.name === '双引号' || fam.name === '单引号' ? '引号' : '半个标号'}`,
    suggestion: null,
  };
}
