/** The handler table: the contract implemented over core. Transports bind this, nothing else. */
import type { Handlers } from './contract';
import type { AppContext } from './context';
import { libraryHandlers } from './handlers/library';
import { annotationHandlers } from './handlers/annotations';
import { dialogHandlers } from './handlers/dialog';

export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...libraryHandlers(ctx),
    ...annotationHandlers(ctx),
    ...dialogHandlers(ctx),
  };
}
