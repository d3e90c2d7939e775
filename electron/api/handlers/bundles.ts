import { basename } from 'node:path';
import { readBundle, writeBundle } from '../../core/bundle/format';
import { timestamp } from '../../core/store/backup';
import { ReviewDeskError } from '../../core/errors';
import type { AppContext } from '../context';
import type { Handlers } from '../contract';
import { safeFileName, writeAtomically } from './exportFile';

type BundleHandlers = Pick<Handlers, 'bundles.export' | 'bundles.import'>;

/** A bundle written to a USB stick must arrive whole or not at all: the export writer does that. */
async function writeBundleFile(destination: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeAtomically(destination, bytes);
  } catch (e) {
    throw new ReviewDeskError('bundle/write-failed', `无法写入“${destination}”（${(e as { code?: string }).code ?? '写入失败'}）。请换一个位置或检查 U 盘后重试。`);
  }
}

export function bundleHandlers(ctx: AppContext): BundleHandlers {
  return {
    'bundles.export': async ({ reportId, destination }) => {
      const store = ctx.store;
      const contents = store.bundles.collect({ reportId });
      const author = store.settings.get('author.name')?.trim() ?? '';
      const now = new Date();
      const bytes = writeBundle({ createdAt: now.toISOString(), appVersion: ctx.version, author, reportId: reportId ?? null, ...contents });
      const scope = reportId ? contents.reports[0].title : '全部报告';
      const fileName = safeFileName(`审议台交换包-${author || '未署名'}-${scope}-${timestamp(now)}`, '.reviewdesk');
      const counts = {
        reports: contents.reports.length,
        annotations: contents.annotations.filter((a) => !a.deletedAt).length,
        drafts: contents.drafts.filter((d) => !d.deletedAt).length,
      };
      if (destination) {
        await writeBundleFile(destination, bytes);
        return { fileName: basename(destination), path: destination, counts };
      }
      return { fileName, dataBase64: Buffer.from(bytes).toString('base64'), counts };
    },
    'bundles.import': ({ dataBase64 }) => ctx.store.bundles.import(readBundle(Buffer.from(dataBase64, 'base64'))),
  };
}
