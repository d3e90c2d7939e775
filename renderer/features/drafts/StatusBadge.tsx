import type { DraftStatus } from '../../../electron/core/common/vocabulary';
import { t } from '../../i18n/zh-CN';

/** 草稿 / 定稿 / 已提交 */
export function StatusBadge({ status }: { status: DraftStatus }) {
  return <span className={`draft-status status-${status}`}>{t.drafts.statuses[status]}</span>;
}
