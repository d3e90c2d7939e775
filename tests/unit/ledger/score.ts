/** Scores the extracted ledger against a hand-made one: recall (value, unit and qualifier right) and entries that are no commitment. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../../electron/core/report/types';
import type { LedgerEntry } from '../../../electron/core/ledger/index';

export interface HandEntry {
  sentence: string;
  metric: string;
  value: string;
  unit: string;
  qualifier: string | null;
  kind: 'target' | 'result' | 'goal';
  type: 'absolute' | 'growth' | 'share' | 'ratio';
}

export interface HandLedger {
  report: string;
  scope: string;
  entries: HandEntry[];
}

export function readLedger(name: string): HandLedger {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/ledgers', name), 'utf8')) as HandLedger;
}

interface Located extends HandEntry {
  blockId: string;
  start: number;
  end: number;
}

/** Where each hand entry's sentence is: it must occur exactly once in the report. */
export function locate(blocks: readonly Block[], ledger: HandLedger): Located[] {
  return ledger.entries.map((h) => {
    const hits = blocks.flatMap((b) => {
      const at = b.text.indexOf(h.sentence);
      if (at < 0) return [];
      if (b.text.indexOf(h.sentence, at + 1) >= 0)
        return [
          { b, at },
          { b, at },
        ];
      return [{ b, at }];
    });
    if (hits.length !== 1) throw new Error(`sentence found ${hits.length} times: ${h.sentence}`);
    return { ...h, blockId: hits[0].b.id, start: hits[0].at, end: hits[0].at + h.sentence.length };
  });
}

const overlaps = (x: LedgerEntry, h: Located) => x.blockId === h.blockId && x.start < h.end && x.end > h.start;

export interface Score {
  recalled: number;
  total: number;
  recall: number;
  extracted: number;
  notCommitments: LedgerEntry[];
  rate: number;
  missed: Located[];
  kindRight: number;
  typeRight: number;
}

export function score(extracted: readonly LedgerEntry[], hand: Located[]): Score {
  const used = new Set<LedgerEntry>();
  const missed: Located[] = [];
  let kindRight = 0;
  let typeRight = 0;
  for (const h of hand) {
    const x = extracted.find((c) => !used.has(c) && overlaps(c, h) && c.value === h.value && c.unit === h.unit && c.qualifier === h.qualifier);
    if (!x) {
      missed.push(h);
      continue;
    }
    used.add(x);
    if (x.kind === h.kind) kindRight++;
    if (x.type === h.type) typeRight++;
  }
  // An entry is a commitment when a hand entry with its value sits where it points, right or not in unit or qualifier.
  const notCommitments = extracted.filter((x) => !used.has(x) && !hand.some((h) => overlaps(x, h) && h.value === x.value));
  const recalled = hand.length - missed.length;
  return {
    recalled,
    total: hand.length,
    recall: recalled / hand.length,
    extracted: extracted.length,
    notCommitments,
    rate: notCommitments.length / Math.max(1, extracted.length),
    missed,
    kindRight,
    typeRight,
  };
}
