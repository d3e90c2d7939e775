import { amendmentTableCsv } from '../../core/draft/export/csv';
import { amendmentTableDocx } from '../../core/draft/export/docx';
import { amendmentRowsFromDrafts } from '../../core/draft/export/rows';
import { affiliationsByAuthor, sameAuthor, signedFields } from '../../core/draft/authorship';
import { reportDisplayTitle } from '../../core/draft/naming';
import { withPositions } from '../../core/draft/position';
import type { StoredDraft } from '../../core/store/drafts';
import { ReviewDeskError } from '../../core/errors';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import { affiliationFor, authorSettings, blockCache, toDraft } from '../../core/draft/view';
import { inlineExport, safeFileName, writeExport } from './exportFile';
import { delegationMarks } from '../../core/delegation/marks';

type DelegationHandlers = Pick<Handlers, 'delegation.summary' | 'delegation.marks' | 'delegation.exportAmendments' | 'authorship.unsigned' | 'authorship.sign'>;

export function delegationHandlers(ctx: AppContext): DelegationHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  const blocks = blockCache(store);

  return {
    'delegation.summary': ({ versionId }) => {
      store.reports.getVersionInfo(versionId); // 找不到 before an empty summary
      const summary = store.delegation.summary(versionId);
      // paragraphs named as the 汇总表 names them, not by a number that shifts between versions
      const { position } = blocks(versionId);
      // the user's own column is headed with their name as 设置 spells it now
      const me = authorSettings(store).name;
      const mine = me ? summary.authors.find((a) => a.name && a.name !== me && sameAuthor(a.name, me))?.name : undefined;
      const rename = <T>(byAuthor: Record<string, T>) =>
        mine && mine in byAuthor ? Object.fromEntries(Object.entries(byAuthor).map(([k, v]) => [k === mine ? me : k, v])) : byAuthor;
      return {
        ...summary,
        authors: summary.authors.map((a) => (a.name === mine ? { ...a, name: me } : a)),
        blocks: summary.blocks.map((b) => ({ ...b, path: position(b.blockId) ?? b.path, byAuthor: rename(b.byAuthor) })),
      };
    },

    'delegation.marks': ({ versionId, order = 'passage', offset = 0, limit = 50 }) =>
      delegationMarks(store, blocks, { versionId, order, offset, limit, me: authorSettings(store).name }),

    'delegation.exportAmendments': async ({ versionId, format, destination }) => {
      const version = store.reports.getVersionInfo(versionId);
      const report = store.reports.get(version.reportId);
      const title = reportDisplayTitle(report);
      const { byId, position } = blocks(versionId);
      const pos = (d: StoredDraft) => [byId.get(d.targets[0]?.blockId ?? '')?.ord ?? Number.MAX_SAFE_INTEGER, d.targets[0]?.start ?? 0];
      const all = store.drafts.listByReport(version.reportId);
      // Everyone's amendments on this version, in reading order, each row naming its proposer.
      const drafts = all
        .filter((d) => d.versionId === versionId && d.kind === 'amendment')
        .sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1] || a.createdAt.localeCompare(b.createdAt));
      if (!drafts.length) throw new ReviewDeskError('delegation/no-amendments', '这个版本还没有修改意见，无需导出汇总表。');
      const me = authorSettings(store);
      // 代表团 / 界别 per proposer: their own drafts say it; a delegation's own compilation falls back
      // to the delegation of whoever compiles it (a 政协 界别 differs per member, so not for members).
      const known = affiliationsByAuthor(all.map(toDraft));
      const fallback = me.identity !== 'member' ? me.delegation : '';
      const rows = amendmentRowsFromDrafts(
        drafts.map((d) => withPositions(toDraft(d), position)),
        (d) => affiliationFor(d, me, known) || (d.author.trim() ? fallback : ''),
      );
      const input = {
        reportTitle: title,
        versionLabel: version.label,
        rows,
        compiledBy: me.delegation ? `${me.delegation}汇总` : undefined,
        date: new Date().toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }),
      };
      const bytes = format === 'docx' ? await amendmentTableDocx(input) : new TextEncoder().encode(amendmentTableCsv(input));
      if (destination) return writeExport(destination, format, bytes);
      // 代表团… : never the name of one member's own 修改意见汇总表 of the same report
      return inlineExport(safeFileName(`代表团修改意见汇总表-${title}-${version.label}`, format === 'docx' ? '.docx' : '.csv'), format, bytes);
    },

    'authorship.unsigned': () => store.delegation.unsignedCounts(),

    'authorship.sign': () => {
      const me = authorSettings(store);
      if (!me.name) throw new ReviewDeskError('authorship/no-name', '请先在“设置”中填写署名。');
      const signature = {
        name: me.name,
        delegation: me.identity === 'member' ? '' : me.delegation,
        sector: me.identity === 'member' ? me.sector || me.delegation : '',
      };
      return store.delegation.signUnsigned(me.name, (kind, fields) => signedFields(kind, fields, '', signature));
    },
  };
}
