/**
 * What changed between two versions: paragraph alignment plus a character diff inside each
 * changed paragraph. The diff runs on normalised text so that `,` → `，` or an added space is
 * reported as formatting, never as a content edit; ops carry original text for display.
 */
import DiffMatchPatch from 'diff-match-patch';
import { alignBlocks, type AlignBlock, type AlignedPair, type Alignment, type PairKind } from './align';
import { normalizeText, type NormalizedText } from './normalize';

export type DiffOpKind = 'equal' | 'insert' | 'delete' | 'format';

/**
 * One run of the diff. equal/insert/format: `text` is the new text; delete: `text` is the old
 * text; format: `oldText` is what the old version had (same content, other width or spacing).
 * Reading old = equal + delete + format.oldText; new = equal + insert + format.text.
 */
export interface DiffOp {
  op: DiffOpKind;
  text: string;
  oldText?: string;
}

const DIFF_DELETE = -1;
const DIFF_INSERT = 1;

let dmp: DiffMatchPatch | null = null;
function engine(): DiffMatchPatch {
  if (!dmp) {
    dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = 2; // seconds; paragraphs are short, this only guards pathological input
  }
  return dmp;
}

/** Original text "owned" by normalised unit k: the unit itself plus any whitespace dropped before it. */
function ownedStart(n: NormalizedText, k: number): number {
  return k === 0 ? 0 : n.ends[k - 1];
}

class OpList {
  readonly ops: DiffOp[] = [];
  push(op: DiffOpKind, text: string, oldText?: string) {
    if (text === '' && (oldText ?? '') === '') return;
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === op) {
      last.text += text;
      if (op === 'format') last.oldText = (last.oldText ?? '') + (oldText ?? '');
      return;
    }
    this.ops.push(op === 'format' ? { op, text, oldText: oldText ?? '' } : { op, text });
  }
}

/** A number with its decimals and separators and a following percent or per-mille sign. */
const NUMBER = /\d+(?:[.,]\d+)*[%‰]?/g;
/** Private-use code points stand for number tokens while diffing; text using them is diffed plainly. */
const TOKEN_BASE = 0xe000;
const TOKEN_LIMIT = 0xf8ff;
const PRIVATE_USE = /[\ue000-\uf8ff]/;

/**
 * diff_main + diff_cleanupSemantic on normalised text, with every number as ONE unit: a changed
 * figure reads as the old number struck out and the new one inserted (54453.23% → 544.53亿元),
 * never as digits interleaved character by character. Numbers are swapped for single private-use
 * characters (as diff-match-patch's own line mode does for lines), diffed, and swapped back.
 */
function tokenDiff(a: string, b: string): DiffMatchPatch.Diff[] {
  if (PRIVATE_USE.test(a) || PRIVATE_USE.test(b)) {
    const plain = engine().diff_main(a, b);
    engine().diff_cleanupSemantic(plain);
    return plain;
  }
  const tokens: string[] = [];
  const codes = new Map<string, string>();
  let overflow = false;
  const encode = (text: string) =>
    text.replace(NUMBER, (n) => {
      let c = codes.get(n);
      if (c === undefined) {
        if (TOKEN_BASE + tokens.length > TOKEN_LIMIT) {
          overflow = true;
          return n;
        }
        c = String.fromCharCode(TOKEN_BASE + tokens.length);
        tokens.push(n);
        codes.set(n, c);
      }
      return c;
    });
  const ea = encode(a);
  const eb = encode(b);
  const diffs = engine().diff_main(overflow ? a : ea, overflow ? b : eb);
  engine().diff_cleanupSemantic(diffs);
  if (overflow) return diffs;
  const decode = (text: string) => text.replace(/[\ue000-\uf8ff]/g, (c) => tokens[c.charCodeAt(0) - TOKEN_BASE]);
  return diffs.map(([kind, text]) => [kind, decode(text)] as DiffMatchPatch.Diff);
}

/** Diff of two texts on normalised text, numbers as whole units (see tokenDiff). */
export function diffText(oldText: string, newText: string): DiffOp[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : [];
  const a = normalizeText(oldText);
  const b = normalizeText(newText);
  const diffs = tokenDiff(a.text, b.text);
  const out = new OpList();
  let p = 0; // position in a.text
  let q = 0; // position in b.text
  for (const [kind, str] of diffs) {
    const len = str.length;
    if (kind === DIFF_DELETE) {
      out.push('delete', oldText.slice(ownedStart(a, p), a.ends[p + len - 1]));
      p += len;
    } else if (kind === DIFF_INSERT) {
      out.push('insert', newText.slice(ownedStart(b, q), b.ends[q + len - 1]));
      q += len;
    } else {
      const oldSeg = oldText.slice(ownedStart(a, p), a.ends[p + len - 1]);
      const newSeg = newText.slice(ownedStart(b, q), b.ends[q + len - 1]);
      if (oldSeg === newSeg) out.push('equal', newSeg);
      else {
        // Same content, different form somewhere inside: find the units that differ.
        for (let k = 0; k < len; k++) {
          const o = oldText.slice(ownedStart(a, p + k), a.ends[p + k]);
          const n = newText.slice(ownedStart(b, q + k), b.ends[q + k]);
          if (o === n) out.push('equal', n);
          else out.push('format', n, o);
        }
      }
      p += len;
      q += len;
    }
  }
  // Whitespace after the last normalised unit.
  const oldTail = oldText.slice(a.text.length ? a.ends[a.text.length - 1] : 0);
  const newTail = newText.slice(b.text.length ? b.ends[b.text.length - 1] : 0);
  if (oldTail === newTail) out.push('equal', newTail);
  else out.push('format', newTail, oldTail);
  return out.ops;
}

/** True when the ops change form only (width, quotes, spacing) and no content. */
export function isFormatOnly(ops: readonly DiffOp[]): boolean {
  return ops.some((o) => o.op === 'format') && ops.every((o) => o.op === 'equal' || o.op === 'format');
}

/** One changed paragraph (or split/join group) for the compare view. */
export interface BlockChange {
  /** first old block (null for an insertion) */
  oldId: string | null;
  /** first new block (null for a deletion) */
  newId: string | null;
  /** all old / new blocks of the change, in order (several for split and joined) */
  oldIds: string[];
  newIds: string[];
  kind: PairKind;
  moved: boolean;
  similarity: number;
  /** diff of the old text(s) against the new text(s), concatenated in reading order */
  ops: DiffOp[];
  formatOnly: boolean;
}

export interface DiffStats {
  /** units (a split or join counts once) per kind */
  kinds: Record<PairKind, number>;
  /** characters of content inserted / deleted (formatting excluded) */
  insertedChars: number;
  deletedChars: number;
  /** runs that changed only in form */
  formatRuns: number;
  /** changes whose only differences are formatting */
  formatOnlyChanges: number;
}

export interface VersionDiff {
  alignment: Alignment;
  changes: BlockChange[];
  stats: DiffStats;
}

/** Align two versions and diff every block that is not identical. */
export function diffVersions(oldBlocks: readonly AlignBlock[], newBlocks: readonly AlignBlock[], opts: { alignment?: Alignment } = {}): VersionDiff {
  const alignment = opts.alignment ?? alignBlocks(oldBlocks, newBlocks);
  const oldText = new Map(oldBlocks.map((b) => [b.id, b.text]));
  const newText = new Map(newBlocks.map((b) => [b.id, b.text]));
  const kinds: Record<PairKind, number> = { same: 0, format: 0, edited: 0, moved: 0, split: 0, joined: 0, deleted: 0, inserted: 0 };
  const changes: BlockChange[] = [];
  const groups = new Map<number, AlignedPair[]>();
  const units: AlignedPair[][] = [];
  for (const p of alignment.pairs) {
    if (p.group === undefined) units.push([p]);
    else {
      const g = groups.get(p.group);
      if (g) g.push(p);
      else {
        const list = [p];
        groups.set(p.group, list);
        units.push(list);
      }
    }
  }
  let insertedChars = 0;
  let deletedChars = 0;
  let formatRuns = 0;
  let formatOnlyChanges = 0;
  for (const unit of units) {
    const first = unit[0];
    kinds[first.kind]++;
    if (first.kind === 'same') continue;
    const oldIds = unique(unit.map((p) => p.oldId));
    const newIds = unique(unit.map((p) => p.newId));
    const before = oldIds.map((id) => oldText.get(id) ?? '').join('');
    const after = newIds.map((id) => newText.get(id) ?? '').join('');
    const ops = diffText(before, after);
    const formatOnly = isFormatOnly(ops);
    for (const o of ops) {
      if (o.op === 'insert') insertedChars += o.text.length;
      else if (o.op === 'delete') deletedChars += o.text.length;
      else if (o.op === 'format') formatRuns++;
    }
    if (formatOnly) formatOnlyChanges++;
    changes.push({
      oldId: oldIds[0] ?? null,
      newId: newIds[0] ?? null,
      oldIds,
      newIds,
      kind: first.kind,
      moved: first.moved,
      similarity: first.similarity,
      ops,
      formatOnly,
    });
  }
  return { alignment, changes, stats: { kinds, insertedChars, deletedChars, formatRuns, formatOnlyChanges } };
}

function unique(ids: (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && !out.includes(id)) out.push(id);
  return out;
}
