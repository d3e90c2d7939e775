/**
 * Revisions: compare two versions, carry every annotation and draft to another version, re-attach
 * an orphan by hand, and hint whether the new version took up the user's amendments. The rules
 * are core/versions'; this file owns the caches they read (blocks, the per-pair diff) and runs
 * the first diff of a pair and the re-anchoring as worker jobs (core/jobs) with a time limit.
 */
import { sharedJobRunner } from '../../core/jobs/runner';
import type { Block } from '../../core/report/types';
import type { StoredDraft } from '../../core/store/drafts';
import {
  amendmentAdoption,
  carryMarks,
  compareVersions,
  marksPerVersion,
  orphansOf,
  reattachMark,
  setRepair,
  versionHistory,
  type PairView,
} from '../../core/versions';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import { blockCache, viewOf } from '../../core/draft/view';
import { alignedNew, diffCache, nearestNew } from './versionDiff';

type VersionHandlers = Pick<
  Handlers,
  | 'versions.compare'
  | 'versions.carry'
  | 'versions.marks'
  | 'versions.orphans'
  | 'versions.adoption'
  | 'versions.history'
  | 'versions.setRepair'
  | 'annotations.reattach'
  | 'drafts.reattach'
>;

function idAndText(b: Block): { id: string; text: string } {
  return { id: b.id, text: b.text };
}

export function versionHandlers(ctx: AppContext): VersionHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const jobs = () => ctx.jobs ?? sharedJobRunner();
  // Workers need only ids and texts: a smaller copy to send.
  const diffs = diffCache(
    () => ctx.store,
    (oldBlocks, newBlocks) => jobs().run('compareVersions', { oldBlocks: oldBlocks.map(idAndText), newBlocks: newBlocks.map(idAndText) }),
  );
  const blocks = blockCache(store, 8);
  const describeDraft = (d: StoredDraft) => viewOf(store, blocks, d);
  const pairs = async (oldVersionId: string, newVersionId: string): Promise<PairView> => {
    const pair = await diffs(oldVersionId, newVersionId);
    return { newBlocks: pair.newBlocks, alignedNew: (id) => alignedNew(pair, id), nearestNew: (id) => nearestNew(pair, id) };
  };
  // Pairs the compare view has diffed: a carry between them reuses the alignment (the worker skips it).
  const compared = new Set<string>();
  const knownAlignment = async (a: string, b: string) => (compared.has(`${a}|${b}`) ? (await diffs(a, b)).diff.alignment : undefined);

  return {
    'versions.compare': ({ oldVersionId, newVersionId }) =>
      compareVersions(store, oldVersionId, newVersionId, async (a, b) => {
        const pair = await diffs(a, b);
        compared.add(`${a}|${b}`);
        return pair;
      }),

    'versions.carry': ({ fromVersionId, toVersionId }) => {
      const s = ctx.store; // the store this carry reads and writes; a restore meanwhile aborts it
      return carryMarks(s, fromVersionId, toVersionId, { blocks, runner: ctx.jobs, knownAlignment, sameStore: () => ctx.store === s });
    },

    'versions.marks': ({ versionId }) => marksPerVersion(store, versionId),

    'versions.orphans': ({ versionId }) => orphansOf(store, versionId, { blocks, pairs, describeDraft }),

    'versions.adoption': ({ fromVersionId, toVersionId }) => amendmentAdoption(store, fromVersionId, toVersionId, { pairs, describeDraft }),

    'versions.history': ({ versionId }) => versionHistory(store, versionId, describeDraft),

    'versions.setRepair': ({ versionId, key, made }) => {
      const s = ctx.store; // as for a carry: a restore meanwhile aborts it
      const parse = (p: { bytes: Uint8Array; fileName: string; declined: string[] }) => jobs().run('parseReport', p);
      return setRepair(s, versionId, key, made, { blocks, runner: ctx.jobs, knownAlignment: async () => undefined, sameStore: () => ctx.store === s, parse });
    },

    'annotations.reattach': ({ id, targets }) => {
      reattachMark(store, blocks, 'annotation', id, targets);
      return store.annotations.get(id);
    },

    'drafts.reattach': ({ id, targets }) => {
      reattachMark(store, blocks, 'draft', id, targets);
      return viewOf(store, blocks, store.drafts.get(id));
    },
  };
}
