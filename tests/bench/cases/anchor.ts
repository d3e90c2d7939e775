/**
 * Re-anchoring 5,000 marks from the bundled report (a newspaper copy) to a revision built from it
 * programmatically (numbers changed, sentences inserted/deleted/moved, a paragraph moved, deleted,
 * split, two joined, punctuation full-width throughout — like the official text). The
 * structure-aware `reanchor` is timed against the peer approach (Hypothesis match-quote over the
 * whole document); accuracy against the known ground truth is printed to stderr in setup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignBlocks } from '../../../electron/core/anchor/align';
import { diffVersions } from '../../../electron/core/anchor/diff';
import { reanchor, reanchorWholeDocument, type ReanchorTarget } from '../../../electron/core/anchor/reanchor';
import { makeTarget } from '../../../electron/core/anchor/selectors';
import type { ReanchorResult } from '../../../electron/core/anchor/types';
import { parseReportText } from '../../../electron/core/report/index';
import { isCorrect, officialRevision, seededRandom, type SourceBlock } from '../../helpers/anchor-revision';
import type { BenchCase } from '../types';

const TARGETS = 5000;

interface Ctx {
  oldBlocks: SourceBlock[];
  newBlocks: SourceBlock[];
  targets: ReanchorTarget[];
}

let prepared: (Ctx & { locate: ReturnType<typeof officialRevision>['locate'] }) | null = null;

function prepare() {
  if (prepared) return prepared;
  const file = join(import.meta.dirname, '../../fixtures/xianning-2024-gov-work-report.txt');
  const oldBlocks = parseReportText(readFileSync(file, 'utf8')).blocks.map((b) => ({ id: b.id, text: b.text }));
  const revision = officialRevision(oldBlocks);
  const rng = seededRandom(7);
  const markable = oldBlocks.filter((b) => b.text.length >= 20);
  const weights = markable.map((b) => b.text.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const targets: ReanchorTarget[] = [];
  for (let i = 0; i < TARGETS; i++) {
    // Marks fall where the text is: pick a block in proportion to its length.
    let r = rng() * total;
    let k = 0;
    while (r >= weights[k]) r -= weights[k++];
    const block = markable[k];
    const length = Math.min(block.text.length, 4 + Math.floor(rng() * 57)); // 4–60 characters
    const start = Math.floor(rng() * (block.text.length - length + 1));
    targets.push({ id: `t${i}`, ...makeTarget(block, start, start + length) });
  }
  prepared = { oldBlocks, newBlocks: revision.blocks, targets, locate: revision.locate };
  return prepared;
}

function accuracy(name: string, results: ReanchorResult[]) {
  const p = prepare();
  let correct = 0;
  results.forEach((r, i) => {
    const t = p.targets[i];
    if (isCorrect(r, p.locate(t.blockId, t.start, t.end), t.end - t.start)) correct++;
  });
  const kinds: Record<string, number> = {};
  for (const r of results) kinds[r.match] = (kinds[r.match] ?? 0) + 1;
  console.error(`  ${name}: accuracy ${((100 * correct) / results.length).toFixed(2)}% (${correct}/${results.length}) ${JSON.stringify(kinds)}`);
}

export const cases: BenchCase[] = [
  {
    name: 'reanchor 5k marks: whole-document match-quote (peer)',
    target: 'baseline',
    setup: () => {
      const p = prepare();
      accuracy('whole-document', reanchorWholeDocument(p.targets, p.newBlocks, { oldBlocks: p.oldBlocks }));
      return p;
    },
    fn: (p: Ctx) => reanchorWholeDocument(p.targets, p.newBlocks, { oldBlocks: p.oldBlocks }),
    iterations: 10,
  },
  {
    name: 'reanchor 5k marks: structure-aware',
    baseline: 'reanchor 5k marks: whole-document match-quote (peer)',
    target: '< 1 s',
    setup: () => {
      const p = prepare();
      const stats = diffVersions(p.oldBlocks, p.newBlocks).stats.kinds;
      console.error(`  revision: ${p.oldBlocks.length} → ${p.newBlocks.length} blocks, ${JSON.stringify(stats)}`);
      accuracy('structure-aware', reanchor(p.targets, p.oldBlocks, p.newBlocks));
      return p;
    },
    // Alignment is computed inside the timed call: it is part of the method's cost.
    fn: (p: Ctx) => reanchor(p.targets, p.oldBlocks, p.newBlocks),
    iterations: 10,
  },
  {
    name: 'align + diff two versions of the report',
    target: '< 100 ms',
    setup: prepare,
    fn: (p: Ctx) => diffVersions(p.oldBlocks, p.newBlocks, { alignment: alignBlocks(p.oldBlocks, p.newBlocks) }),
    iterations: 10,
  },
];
