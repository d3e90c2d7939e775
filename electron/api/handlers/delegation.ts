import { amendmentTableCsv } from '../../core/draft/export/csv';
import { amendmentTableDocx } from '../../core/draft/export/docx';
import { amendmentRowsFromDrafts } from '../../core/draft/export/rows';
import type { AmendmentFields, Draft } from '../../core/draft/types';
import type { StoredDraft } from '../../core/store/drafts';
import { ReviewDeskError } from '../../core/errors';
import type { AppContext } from '../context';
import type { Handlers } from '../contract';
import { inlineExport, safeFileName, writeExport } from './exportFile';

type DelegationHandlers = Pick<Handlers, 'delegation.summary' | 'delegation.exportAmendments'>;

/** A stored amendment as the exporters take it; a field an older row lacks is empty. */
function asAmendment(d: StoredDraft): Draft<'amendment'> {
  const f = d.fields;
  const fields: AmendmentFields = {
    op: f.op === 'add' || f.op === 'delete' ? f.op : 'modify',
    original: f.original ?? '',
    proposed: f.proposed ?? '',
    reason: f.reason ?? '',
  };
  return { ...d, kind: 'amendment', status: d.status as Draft['status'], fields };
}

export function delegationHandlers(ctx: AppContext): DelegationHandlers {
  return {
    'delegation.summary': ({ versionId }) => {
      ctx.store.reports.getVersionInfo(versionId); // 找不到 before an empty summary
      return ctx.store.delegation.summary(versionId);
    },

    'delegation.exportAmendments': async ({ versionId, format, destination }) => {
      const store = ctx.store;
      const version = store.reports.getVersionInfo(versionId);
      const report = store.reports.get(version.reportId);
      const order = new Map(store.reports.blocksOf(versionId).map((b) => [b.id, b.ord]));
      const pos = (d: StoredDraft) => [order.get(d.targets[0]?.blockId ?? '') ?? Number.MAX_SAFE_INTEGER, d.targets[0]?.start ?? 0];
      // Everyone's amendments on this version, in reading order, each row naming its proposer.
      const drafts = store.drafts
        .listByReport(version.reportId)
        .filter((d) => d.versionId === versionId && d.kind === 'amendment')
        .sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1] || a.createdAt.localeCompare(b.createdAt));
      if (!drafts.length) throw new ReviewDeskError('delegation/no-amendments', '这个版本还没有修改意见，无需导出汇总表。');
      const delegation = store.settings.get('author.delegation')?.trim();
      const input = {
        reportTitle: report.title,
        versionLabel: version.label,
        rows: amendmentRowsFromDrafts(drafts.map(asAmendment)),
        compiledBy: delegation ? `${delegation}汇总` : undefined,
        date: new Date().toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }),
      };
      const bytes = format === 'docx' ? await amendmentTableDocx(input) : new TextEncoder().encode(amendmentTableCsv(input));
      if (destination) return writeExport(destination, format, bytes);
      return inlineExport(safeFileName(`修改意见汇总表-${report.title}-${version.label}`, format === 'docx' ? '.docx' : '.csv'), format, bytes);
    },
  };
}
