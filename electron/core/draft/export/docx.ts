/**
 * Word (.docx) versions of the forms deputies and members hand in, and of the compiled lists.
 * Each function returns the file's bytes; the caller decides where they go.
 */
import { AlignmentType, Paragraph, Table, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { Draft } from '../types';
import { amendmentWording } from '../kinds/amendment';
import { quote } from '../text';
import { chineseNumber } from '../wording';
import {
  FONT,
  SIZE,
  TEXT_WIDTH,
  THIN_BORDERS,
  bodyParagraphs,
  cell,
  headingParagraph,
  packDocument,
  run,
  subtitleParagraph,
  titleParagraph,
} from './docxStyle';
import { renderSingleDraft } from './rows';
import {
  AMENDMENT_TABLE_COLUMNS,
  type AmendmentTableInput,
  type DigestInput,
  type DraftExportContext,
  type OpinionListInput,
  type ProposalDoc,
  type SuggestionDoc,
} from './types';

function table(widths: number[], total: number, rows: TableRow[]): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((w / sum) * total)),
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    rows,
  });
}

/** A label/value form row: label cells shaded and bold, as on the printed forms. */
function formRow(pairs: [label: string, value: string, span?: number][]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: pairs.flatMap(([label, value, span]) => [
      cell(label, { bold: true, center: true, shade: true, size: SIZE.xiaosi }),
      cell(value, { span, size: SIZE.xiaosi, face: FONT.body }),
    ]),
  });
}

function dateLine(date?: string): Paragraph[] {
  return date?.trim()
    ? [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: 360 },
          children: [run(date.trim())],
        }),
      ]
    : [];
}

/** 政协提案: 提案 heading, the proposer table, then 情况分析 and 具体建议. */
export async function proposalDocx(p: ProposalDoc): Promise<Uint8Array> {
  const children: FileChild[] = [titleParagraph('提案')];
  if (p.session?.trim()) children.push(subtitleParagraph(p.session.trim()));
  children.push(
    table([16, 34, 16, 34], TEXT_WIDTH.portrait, [
      formRow([['案由', p.title, 3]]),
      formRow([
        ['提案人', p.proposer],
        ['界别（组别）', p.sector],
      ]),
      formRow([['通讯方式', p.contact, 3]]),
      formRow([['联名提案人', p.coProposers, 3]]),
      formRow([['类别', p.category, 3]]),
    ]),
    headingParagraph('一、情况分析'),
    ...bodyParagraphs(p.analysis),
    headingParagraph('二、具体建议'),
    ...bodyParagraphs(p.suggestions),
    ...dateLine(p.date),
  );
  return packDocument({ title: p.title || '提案', children });
}

/** 代表建议: the title, the deputies table, then 内容. */
export async function suggestionDocx(s: SuggestionDoc): Promise<Uint8Array> {
  const children: FileChild[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run('代表建议', { face: FONT.heading, size: SIZE.sanhao })],
    }),
    titleParagraph(s.title || '关于……的建议'),
  ];
  if (s.session?.trim()) children.push(subtitleParagraph(s.session.trim()));
  children.push(
    table([16, 34, 16, 34], TEXT_WIDTH.portrait, [
      formRow([['标题', s.title, 3]]),
      formRow([
        ['领衔代表', s.leadDeputy],
        ['代表团', s.delegation],
      ]),
      formRow([['附议代表', s.coDeputies, 3]]),
      formRow([['类别', s.category, 3]]),
    ]),
    headingParagraph('内容'),
    ...bodyParagraphs(s.content),
    ...dateLine(s.date),
  );
  return packDocument({ title: s.title || '代表建议', children });
}

function subtitle(parts: (string | undefined)[]): Paragraph[] {
  const text = parts.filter((p) => p?.trim()).join('　');
  return text ? [subtitleParagraph(text)] : [];
}

/** 修改意见汇总表: landscape A4; the header row repeats on every page. */
export async function amendmentTableDocx(input: AmendmentTableInput): Promise<Uint8Array> {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: AMENDMENT_TABLE_COLUMNS.map((h) => cell(h, { bold: true, center: true, shade: true, face: FONT.heading })),
  });
  const rows = input.rows.map(
    (r, i) =>
      new TableRow({
        children: [
          cell(String(i + 1), { center: true }),
          cell(r.path),
          cell(r.original),
          cell(amendmentWording(r)),
          cell(r.reason),
          cell(r.affiliation?.trim() ? `${r.author}\n（${r.affiliation.trim()}）` : r.author, { center: true }),
        ],
      }),
  );
  if (rows.length === 0)
    rows.push(
      new TableRow({
        children: [cell('（暂无修改意见）', { span: 6, center: true })],
      }),
    );
  const children: FileChild[] = [
    titleParagraph(`《${input.reportTitle}》修改意见汇总表`),
    ...subtitle([input.versionLabel, input.compiledBy, input.date, `共${input.rows.length}条`]),
    table([6, 17, 24, 27, 17, 9], TEXT_WIDTH.landscape, [header, ...rows]),
  ];
  return packDocument({
    title: `${input.reportTitle}修改意见汇总表`,
    children,
    landscape: true,
  });
}

/** 审议意见: one numbered entry per opinion with the passage, the text and who said it when. */
export async function opinionListDocx(input: OpinionListInput): Promise<Uint8Array> {
  const children: FileChild[] = [titleParagraph(`《${input.reportTitle}》审议意见`), ...subtitle([input.versionLabel])];
  input.items.forEach((o, i) => {
    children.push(headingParagraph(`${chineseNumber(i + 1)}、${o.path || '总体意见'}`, SIZE.sanhao));
    if (o.quote?.trim()) {
      children.push(
        new Paragraph({
          indent: { firstLineChars: 200 },
          children: [
            run(`原文：${quote(o.quote.trim())}`, {
              face: '楷体_GB2312',
              size: SIZE.sihao,
            }),
          ],
        }),
      );
    }
    children.push(...bodyParagraphs(o.content));
    const who = [o.author, o.delegation.trim() ? `（${o.delegation.trim()}）` : ''].join('');
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(`——${who}${o.date ? `　${o.date}` : ''}`, { size: SIZE.sihao })],
      }),
    );
  });
  if (input.items.length === 0) children.push(...bodyParagraphs('（暂无审议意见）'));
  return packDocument({ title: `${input.reportTitle}审议意见`, children });
}

/** The annotation digest: highlights and notes grouped by the passage they are on. */
export async function digestDocx(input: DigestInput): Promise<Uint8Array> {
  const total = input.sections.reduce((n, s) => n + s.items.length, 0);
  const children: FileChild[] = [titleParagraph(`《${input.reportTitle}》批注摘要`), ...subtitle([input.versionLabel, `共${total}条`])];
  for (const s of input.sections) {
    children.push(headingParagraph(s.path || '（未定位）', SIZE.sihao));
    for (const it of s.items) {
      const label = it.colorLabel.trim() ? `【${it.colorLabel.trim()}】` : '';
      children.push(
        new Paragraph({
          indent: { firstLineChars: 200 },
          spacing: { before: 120 },
          children: [run(label, { face: FONT.heading, size: SIZE.sihao }), run(quote(it.quote), { face: '楷体_GB2312', size: SIZE.sihao })],
        }),
      );
      if (it.note.trim()) children.push(...bodyParagraphs(it.note, SIZE.sihao));
      const meta = [it.tags.length ? `标签：${it.tags.join('、')}` : '', it.author, it.createdAt].filter(Boolean).join('　');
      if (meta)
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(meta, { size: SIZE.wuhao })],
          }),
        );
    }
  }
  if (total === 0) children.push(...bodyParagraphs('（暂无批注）'));
  return packDocument({ title: `${input.reportTitle}批注摘要`, children });
}

/** One draft as its own form (see renderSingleDraft). Async so an unknown kind rejects rather than throws. */
export async function draftToDocx(draft: Draft, ctx: DraftExportContext): Promise<Uint8Array> {
  return renderSingleDraft(draft, ctx, {
    proposal: proposalDocx,
    suggestion: suggestionDocx,
    amendmentTable: amendmentTableDocx,
    opinionList: opinionListDocx,
  });
}
