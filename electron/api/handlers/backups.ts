import { ReviewDeskError } from '../../core/errors';
import type { AppContext } from '../context';
import type { Handlers } from '../contract';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore' | 'recovery.dismiss'>;

export function backupHandlers(ctx: AppContext): BackupHandlers {
  const service = () => {
    if (!ctx.backups) throw new ReviewDeskError('backup/unavailable', '这里不能使用备份功能。');
    return ctx.backups;
  };
  return {
    'backups.list': () => service().list(),
    'backups.create': () => service().create(),
    'backups.restore': async ({ name }) => {
      const result = await service().restore(name);
      ctx.recovery = null;
      return result;
    },
    'recovery.dismiss': () => {
      if (ctx.recovery) {
        ctx.recovery = null;
        ctx.seed?.();
      }
      return { ok: true as const };
    },
  };
}
