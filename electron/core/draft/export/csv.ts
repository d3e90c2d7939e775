/**
 * CSV for spreadsheets. Excel reads a CSV as the system code page (GBK on Chinese Windows)
 * unless it starts with a UTF-8 byte order mark, so every file starts with one.
 * papaparse does the quoting (commas, quotes, line breaks inside cells).
 */
import Papa from 'papaparse';
import { amendmentWording } from '../kinds/amendment';
import { AMENDMENT_TABLE_COLUMNS, type AmendmentTableInput, type DigestInput, type FormCollection, type ProposalDoc, type SuggestionDoc } from './types';

export const BOM = '\uFEFF';

function toCsv(header: readonly string[], rows: string[][]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...header], data: rows },
      {
        newline: '\r\n',
        // A cell starting with = + - @ would run as a formula in Excel; papaparse prefixes a '.
        // Own pattern: papaparse's default misses multi-line cells.
        escapeFormulae: /^[=+\-@\t\r]/,
      },
    )
  );
}

/** 修改意见汇总表: 序号, 位置, 原文, 修改意见, 理由, 提出人, 代表团/界别. */
export function amendmentTableCsv(input: AmendmentTableInput): string {
  return toCsv(
    [...AMENDMENT_TABLE_COLUMNS, '代表团/界别'],
    input.rows.map((r, i) => [String(i + 1), r.path, r.original, amendmentWording(r), r.reason, r.author, r.affiliation ?? '']),
  );
}

export const DIGEST_CSV_COLUMNS = ['位置', '原文', '批注', '颜色', '标签', '作者', '时间'] as const;

/** The annotation digest, one row per highlight or note. */
export function digestCsv(input: DigestInput): string {
  const rows = input.sections.flatMap((s) => s.items.map((it) => [s.path, it.quote, it.note, it.colorLabel, it.tags.join('、'), it.author, it.createdAt]));
  return toCsv(DIGEST_CSV_COLUMNS, rows);
}

/** A form in a collection with the passages it is linked to (citation paths). */
export type WithPassages<Doc> = Doc & { passages: string };

export const SUGGESTION_CSV_COLUMNS = ['序号', '标题', '提出时间', '领衔代表', '代表团', '附议代表', '类别', '内容', '所涉段落'] as const;

/** All 代表建议 of a report, one row each, for the delegation's register. */
export function suggestionsCsv(c: FormCollection<WithPassages<SuggestionDoc>>): string {
  return toCsv(
    SUGGESTION_CSV_COLUMNS,
    c.docs.map((s, i) => [String(i + 1), s.title, s.session, s.leadDeputy, s.delegation, s.coDeputies, s.category, s.content, s.passages]),
  );
}

export const PROPOSAL_CSV_COLUMNS = [
  '序号',
  '案由',
  '提案来源',
  '提案人',
  '界别（组别）',
  '联名提案人',
  '类别',
  '会议名称',
  '通讯地址',
  '邮政编码',
  '联系电话',
  '电子邮箱',
  '情况分析',
  '具体建议',
  '所涉段落',
] as const;

/** All 政协提案 of a report, one row each. */
export function proposalsCsv(c: FormCollection<WithPassages<ProposalDoc>>): string {
  return toCsv(
    PROPOSAL_CSV_COLUMNS,
    c.docs.map((p, i) => [
      String(i + 1),
      p.title,
      p.source,
      p.proposer,
      p.sector,
      p.coProposers,
      p.category,
      p.session,
      p.address,
      p.postcode,
      p.phone,
      p.email,
      p.analysis,
      p.suggestions,
      p.passages,
    ]),
  );
}
