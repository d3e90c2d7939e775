import type { AppContext } from '../context';
import type { Handlers } from '../contract';
import { ReviewDeskError } from '../../core/errors';

export type PrintHandlers = Pick<Handlers, 'print.savePdf'>;

/** The browser host cannot print a page it does not own: its print dialog can (目标打印机 → 另存为 PDF). */
export function printHandlers(_ctx: AppContext): PrintHandlers {
  return {
    'print.savePdf': () => {
      throw new ReviewDeskError('print/use-print-dialog', '浏览器中请使用打印对话框：点“打印…”，在“目标打印机”中选择“另存为 PDF”。');
    },
  };
}
