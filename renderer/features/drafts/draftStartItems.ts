import type { DraftKindInfo, TargetPosition } from '../../../electron/api/contract';
import { DRAFT_KINDS, type AmendmentOp, type DraftKind } from '../../../electron/core/common/vocabulary';
import { DRAFT_KIND_LABELS } from '../../../electron/core/common/labels';
import { useDrafts } from '../../store/drafts';
import { t } from '../../i18n/zh-CN';
import type { MenuItem } from './Menu';

const OPS: readonly AmendmentOp[] = ['modify', 'add', 'delete'];

/**
 * 起草: every form started from passages of the text (a selection, a mark, a paragraph) — the
 * three ways of 修改意见, then 审议意见, 代表建议 and 政协提案 in the order this role reaches for
 * them (the kinds the 意见 panel loaded; the fixed order until it has). `after` runs once the
 * draft is started (closing the toolbar, dropping the selection).
 */
export function draftStartItems(targets: TargetPosition[], kinds: readonly DraftKindInfo[], after?: () => void): MenuItem[] {
  const order: DraftKind[] = kinds.length ? kinds.map((k) => k.kind) : [...DRAFT_KINDS];
  const start = (kind: DraftKind, fields?: Record<string, string>) => () => {
    void useDrafts.getState().startFrom(kind, targets, fields);
    after?.();
  };
  return order.flatMap((kind, i): MenuItem[] =>
    kind === 'amendment'
      ? OPS.map((op, j) => ({
          key: `amendment-${op}`,
          label: t.drafts.from.amendment[op],
          separated: i > 0 && j === 0,
          run: start('amendment', { op }),
        }))
      : [{ key: kind, label: DRAFT_KIND_LABELS[kind], separated: order[i - 1] === 'amendment', hint: t.drafts.from.hint[kind], run: start(kind) }],
  );
}
