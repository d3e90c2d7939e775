import type { AppContext } from '../context';
import type { Handlers } from '../contract';

export type DialogHandlers = Pick<Handlers, 'dialog.saveFile' | 'dialog.openFile'>;

/** The web host has no native dialogs: {path: null} tells the renderer to download / use a file input. */
export function dialogHandlers(_ctx: AppContext): DialogHandlers {
  return {
    'dialog.saveFile': () => ({ path: null }),
    'dialog.openFile': () => ({ path: null }),
  };
}
