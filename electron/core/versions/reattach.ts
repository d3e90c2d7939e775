/**
 * Re-attaching a mark by hand: the user selects where it belongs now, in the version the mark is
 * on. The selection must be text that is really there (resolveTargetsWith, the one target check);
 * the store records the step in the history.
 */
import type { Store } from '../store';
import { resolveTargetsWith, type TargetPosition } from '../store/marks';
import type { MarkKind } from '../store/revisions';
import type { VersionBlocks } from './views';

export function reattachMark(store: Store, blocks: VersionBlocks, kind: MarkKind, id: string, targets: readonly TargetPosition[]): void {
  const cur = kind === 'annotation' ? store.annotations.get(id) : store.drafts.get(id);
  const { byId } = blocks(cur.versionId);
  const chosen = resolveTargetsWith((blockId) => byId.get(blockId), targets);
  store.revisions.reattach(kind, { id, kind, versionId: cur.versionId, anchorStatus: cur.anchorStatus, targets: cur.targets }, chosen);
}
