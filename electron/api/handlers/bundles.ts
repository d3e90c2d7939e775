import { basename } from 'node:path';
import { writeBundle } from '../../core/bundle/format';
import { sharedJobRunner } from '../../core/jobs/runner';
import { timestamp } from '../../core/store/backup';
import { ReviewDeskError } from '../../core/errors';
import { isSealed, seal, unseal } from '../../core/seal/seal';
import type { AppContext } from '../context';
import type { Handlers } from '../contract';
import { safeFileName, writeAtomically } from './exportFile';

type BundleHandlers = Pick<Handlers, 'bundles.export' | 'bundles.import'>;

/** A bundle written to a USB stick must arrive whole or not at all: the export writer does that. */
async function writeBundleFile(destination: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeAtomically(destination, bytes);
  } catch (e) {
    throw new ReviewDeskError(
      'bundle/write-failed',
      `无法写入“${destination}”（${(e as { code?: string }).code ?? '写入失败'}）。请换一个位置或检查 U 盘后重试。`,
    );
  }
}

export function bundleHandlers(ctx: AppContext): BundleHandlers {
  return {
    'bundles.export': async ({ reportId, destination, passphrase }) => {
      const store = ctx.store;
      const contents = store.bundles.collect({ reportId });
      const author = store.settings.get('author.name')?.trim() ?? '';
      const now = new Date();
      const zipped = writeBundle({ createdAt: now.toISOString(), appVersion: ctx.version, author, reportId: reportId ?? null, ...contents });
      const bytes = passphrase ? await seal(zipped, passphrase) : zipped;
      const scope = reportId ? contents.reports[0].title : '全部报告';
      const fileName = safeFileName(`审议台交换包-${author || '未署名'}-${scope}-${timestamp(now)}`, '.reviewdesk');
      const counts = {
        reports: contents.reports.length,
        annotations: contents.annotations.filter((a) => !a.deletedAt).length,
        drafts: contents.drafts.filter((d) => !d.deletedAt).length,
      };
      if (destination) {
        await writeBundleFile(destination, bytes);
        return { fileName: basename(destination), path: destination, counts, sealed: !!passphrase };
      }
      return { fileName, dataBase64: Buffer.from(bytes).toString('base64'), counts, sealed: !!passphrase };
    },
    'bundles.import': async ({ dataBase64, passphrase }) => {
      let bytes: Uint8Array = Buffer.from(dataBase64, 'base64');
      if (isSealed(bytes)) {
        if (!passphrase) throw new ReviewDeskError('bundle/passphrase-required', '这个交换包设置了口令，请输入口令后再导入。');
        bytes = await unseal(bytes, passphrase);
      }
      // Read, validated and its sources parsed in full in a worker (time-limited) before the
      // store writes anything in one transaction here.
      const copy = new Uint8Array(bytes);
      const { contents, sources } = await (ctx.jobs ?? sharedJobRunner()).run('readBundle', { bytes: copy }, { transfer: [copy.buffer] });
      return ctx.store.bundles.import(contents, { sources });
    },
  };
}
