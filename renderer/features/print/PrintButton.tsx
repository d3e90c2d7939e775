import { t } from '../../i18n/zh-CN';
import { openPrintDialog } from './printJob';

/**
 * 打印… in the reader's header. A printer glyph the size of the ? button: the header must stay one
 * row at 1280 px with the report's name still readable (the name says 打印… on hover and to
 * screen readers, and Ctrl+P does the same).
 */
export function PrintButton() {
  return (
    <button className="print-button" aria-label={t.print.open} title={t.print.openTitle} onClick={openPrintDialog}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M7 8V3h10v5" />
        <rect x="3" y="8" width="18" height="9" rx="2" />
        <path d="M7 14h10v7H7z" fill="var(--page)" />
      </svg>
    </button>
  );
}
