/**
 * Which exports come in which formats (the EXPORTS table of electron/api/handlers/exports.ts):
 * every what × format over the real back end either gives a file or the Chinese
 * `export/unsupported` message naming both.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Block, DraftView, ExportResult, Report } from '../../../electron/api/contract';
import { EXPORT_FORMATS, EXPORT_WHATS } from '../../../electron/core/common/vocabulary';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-export-table-');
const { call, failure } = env;

let report: Report;
let versionId: string;
let amendment: DraftView;

const METHOD = {
  docx: 'export.docx',
  markdown: 'export.markdown',
  csv: 'export.csv',
  webAnnotation: 'export.webAnnotation',
  zip: 'export.zip',
  xlsx: 'export.xlsx',
} as const;
const WHAT = {
  draft: '意见稿',
  amendments: '修改意见汇总表',
  opinions: '审议意见',
  suggestions: '代表建议',
  proposals: '政协提案',
  digest: '批注摘要',
  annotations: '批注',
  ledger: '承诺台账',
} as const;
const FORMAT = { docx: 'Word 文档', markdown: 'Markdown', csv: 'CSV 表格', webAnnotation: 'Web Annotation', zip: 'ZIP 压缩包', xlsx: 'Excel 表格' } as const;
const SUPPORTED = new Set([
  'draft/docx',
  'draft/markdown',
  'draft/csv',
  'amendments/docx',
  'amendments/markdown',
  'amendments/csv',
  'opinions/docx',
  'opinions/markdown',
  'suggestions/docx',
  'suggestions/markdown',
  'suggestions/csv',
  'suggestions/zip',
  'proposals/docx',
  'proposals/markdown',
  'proposals/csv',
  'proposals/zip',
  'digest/docx',
  'digest/markdown',
  'digest/csv',
  'annotations/webAnnotation',
  'ledger/csv',
  'ledger/xlsx',
]);

beforeEach(async () => {
  report = (await call<Report[]>('reports.list', {}))[0];
  versionId = report.versions[0].id;
  const blocks = (await call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
  const quote = '地区生产总值';
  const b = blocks.find((x) => x.text.includes(quote))!;
  const start = b.text.indexOf(quote);
  const target = { blockId: b.id, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' };
  amendment = await call<DraftView>('drafts.create', { versionId, kind: 'amendment', targets: [target], fields: { proposed: '全市生产总值', reason: '口径' } });
  await call('annotations.create', { versionId, color: 'blue', note: '口径？', targets: [target] });
  // the collections of forms need one form each (an empty one refuses the .zip: nothing to put in it)
  await call('drafts.create', { versionId, kind: 'suggestion', targets: [target], fields: { title: '关于统一统计口径的建议' } });
  await call('drafts.create', { versionId, kind: 'proposal', targets: [target], fields: { title: '关于统一统计口径的提案' } });
});

describe('export what × format', () => {
  it('gives a file for every supported pair and a Chinese refusal for every other', async () => {
    for (const what of EXPORT_WHATS) {
      for (const format of EXPORT_FORMATS) {
        const args = { what, reportId: report.id, ...(what === 'draft' ? { draftId: amendment.id } : {}) };
        if (SUPPORTED.has(`${what}/${format}`)) {
          const r = await call<ExportResult>(METHOD[format], args);
          expect(Buffer.from(r.dataBase64!, 'base64').length, `${what}/${format}`).toBeGreaterThan(0);
        } else {
          const { error } = await failure(METHOD[format], args);
          expect(error, `${what}/${format}`).toEqual({ code: 'export/unsupported', message: `${WHAT[what]}不能导出为${FORMAT[format]}。` });
        }
      }
    }
  });

  it('exports a single amendment as a one-row CSV table, but no other kind of draft', async () => {
    const csv = await call<ExportResult>('export.csv', { what: 'draft', reportId: report.id, draftId: amendment.id });
    expect(csv.fileName.endsWith('.csv')).toBe(true);
    expect(Buffer.from(csv.dataBase64!, 'base64').toString('utf8')).toContain('全市生产总值');
    const opinion = await call<DraftView>('drafts.create', { versionId, kind: 'opinion', fields: { content: '建议补充。' } });
    const { error } = await failure('export.csv', { what: 'draft', reportId: report.id, draftId: opinion.id });
    expect(error).toEqual({ code: 'export/unsupported', message: '意见稿不能导出为CSV 表格。' });
  });
});
