/**
 * Word (.docx) versions of the forms deputies and members hand in, and of the compiled lists.
 * Each function returns the file's bytes; the caller decides where they go.
 */
import { AlignmentType, HeightRule, LineRuleType, Paragraph, Table, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
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
  mm,
  OFFICIAL_PAGE,
  packDocument,
  run,
  subtitleParagraph,
  titleParagraph,
} from './docxStyle';
import { renderSingleDraft } from './rows';
import { briefingGroups, NO_DELEGATION, passageHeading } from './briefing';
import {
  AMENDMENT_TABLE_COLUMNS,
  type AmendmentTableInput,
  type DigestInput,
  type DraftExportContext,
  type FormCollection,
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

/** A label/value form row: label cells shaded, in 黑体, as on the printed forms. */
function formRow(pairs: [label: string, value: string, span?: number][], height?: number): TableRow {
  return new TableRow({
    cantSplit: true,
    height: height ? { value: height, rule: HeightRule.ATLEAST } : undefined,
    children: pairs.flatMap(([label, value, span]) => [
      cell(label, { bold: true, center: true, shade: true, size: SIZE.xiaosi }),
      cell(value, { span, size: SIZE.sihao, face: FONT.body }),
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

/** The form's heading; a form after the first in one file starts a new page. */
function formHeading(text: string, newPage: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: newPage,
    spacing: { after: 240 },
    children: [run(text, { face: FONT.title, size: SIZE.erhao })],
  });
}

/** 编号 in a box at the top right, left blank: the proposal committee numbers the proposal. */
function numberBox(newPage: boolean): FileChild[] {
  return [
    new Paragraph({ pageBreakBefore: newPage, children: [] }),
    new Table({
      width: { size: Math.round(TEXT_WIDTH.portrait * 0.36), type: WidthType.DXA },
      columnWidths: [Math.round(TEXT_WIDTH.portrait * 0.12), Math.round(TEXT_WIDTH.portrait * 0.24)],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.RIGHT,
      borders: THIN_BORDERS,
      rows: [new TableRow({ children: [cell('编号', { bold: true, center: true, size: SIZE.sihao }), cell('', { size: SIZE.sihao })] })],
    }),
  ];
}

/** The rows the committee fills in after review (FORMATS.md): left blank on the member's copy. */
function committeeRows(): FileChild[] {
  return [
    new Paragraph({ spacing: { before: 240 }, children: [run('以下由提案委员会填写', { face: FONT.heading, size: SIZE.sihao })] }),
    table([19, 81], TEXT_WIDTH.portrait, [formRow([['审查意见', '']], mm(30)), formRow([['承办单位', '']], mm(15))]),
  ];
}

function proposalChildren(p: ProposalDoc, newPage = false): FileChild[] {
  const children: FileChild[] = [...numberBox(newPage), formHeading('提案', false)];
  if (p.session.trim()) children.push(subtitleParagraph(p.session.trim()));
  children.push(
    table([19, 31, 19, 31], TEXT_WIDTH.portrait, [
      formRow([['案由', p.title, 3]]),
      formRow([
        ['提案人', p.proposer],
        ['界别（组别）', p.sector],
      ]),
      formRow([
        ['提案来源', p.source],
        ['类别', p.category],
      ]),
      formRow([['联名提案人', p.coProposers, 3]]),
      formRow([['通讯地址', p.address, 3]]),
      formRow([
        ['邮政编码', p.postcode],
        ['联系电话', p.phone],
      ]),
      formRow([['电子邮箱', p.email, 3]]),
    ]),
    headingParagraph('一、情况分析'),
    ...bodyParagraphs(p.analysis),
    headingParagraph('二、具体建议'),
    ...bodyParagraphs(p.suggestions),
    ...dateLine(p.date),
    ...committeeRows(),
  );
  return children;
}

/** 政协提案: a blank 编号 box, 提案 heading, the proposer table, 情况分析 and 具体建议, the committee's rows. */
export async function proposalDocx(p: ProposalDoc): Promise<Uint8Array> {
  return packDocument({ title: p.title || '提案', children: proposalChildren(p) });
}

function suggestionChildren(s: SuggestionDoc, newPage = false): FileChild[] {
  const children: FileChild[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: newPage,
      children: [run('代表建议', { face: FONT.heading, size: SIZE.sanhao })],
    }),
    titleParagraph(s.title || '关于……的建议'),
  ];
  children.push(
    table([19, 31, 19, 31], TEXT_WIDTH.portrait, [
      formRow([['标题', s.title, 3]]),
      formRow([
        ['领衔代表', s.leadDeputy],
        ['代表团', s.delegation],
      ]),
      formRow([['附议代表', s.coDeputies, 3]]),
      formRow([
        ['类别', s.category],
        ['提出时间', s.session],
      ]),
    ]),
    headingParagraph('内容'),
    ...bodyParagraphs(s.content),
    ...dateLine(s.date),
  );
  return children;
}

/** 代表建议: the title, the deputies table, then 内容. */
export async function suggestionDocx(s: SuggestionDoc): Promise<Uint8Array> {
  return packDocument({ title: s.title || '代表建议', children: suggestionChildren(s) });
}

/** All 代表建议 of a report in one file, each form on its own page. */
export async function suggestionsDocx(c: FormCollection<SuggestionDoc>): Promise<Uint8Array> {
  const children = c.docs.flatMap((d, i) => suggestionChildren(d, i > 0));
  if (children.length === 0) children.push(titleParagraph(`《${c.reportTitle}》代表建议`), ...bodyParagraphs('（暂无代表建议）'));
  return packDocument({ title: `${c.reportTitle}代表建议`, children });
}

/** All 政协提案 of a report in one file, each form on its own page. */
export async function proposalsDocx(c: FormCollection<ProposalDoc>): Promise<Uint8Array> {
  const children = c.docs.flatMap((d, i) => proposalChildren(d, i > 0));
  if (children.length === 0) children.push(titleParagraph(`《${c.reportTitle}》政协提案`), ...bodyParagraphs('（暂无提案）'));
  return packDocument({ title: `${c.reportTitle}政协提案`, children });
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

/**
 * 审议意见: per 代表团 the passages discussed and each speaker's points under them. A compiled
 * list is the secretariat's 简报, titled and dated so; one opinion alone is titled 审议意见.
 */
export async function opinionListDocx(input: OpinionListInput): Promise<Uint8Array> {
  const title = input.briefing ? '审议意见简报' : '审议意见';
  const children: FileChild[] = [titleParagraph(title), ...subtitle([`《${input.reportTitle}》`, input.versionLabel, input.briefing?.date])];
  briefingGroups(input.items).forEach((g, i) => {
    children.push(headingParagraph(`${chineseNumber(i + 1)}、${g.delegation || NO_DELEGATION}`));
    g.passages.forEach((p, j) => {
      children.push(
        new Paragraph({
          spacing: { before: 120 },
          keepNext: true,
          children: [run(`（${chineseNumber(j + 1)}）${passageHeading(p.path)}`, { face: FONT.kai, size: SIZE.sanhao })],
        }),
      );
      if (p.quote) {
        children.push(
          new Paragraph({
            indent: { firstLine: 640, firstLineChars: 200 },
            children: [run(`原文：${quote(p.quote)}`, { face: FONT.kai, size: SIZE.sihao })],
          }),
        );
      }
      for (const r of p.remarks) {
        const [first = '', ...rest] = r.content
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean);
        const when = r.date && r.date !== input.briefing?.date ? `（${r.date}）` : '';
        children.push(
          new Paragraph({
            indent: { firstLine: 640, firstLineChars: 200 },
            spacing: { line: OFFICIAL_PAGE.linePitch, lineRule: LineRuleType.EXACT },
            children: [run(`${r.speaker || '发言人未注明'}${when}：`, { face: FONT.heading }), run(first)],
          }),
          ...bodyParagraphs(rest.join('\n')),
        );
      }
    });
  });
  if (input.items.length === 0) children.push(...bodyParagraphs('（暂无审议意见）'));
  return packDocument({ title: `${input.reportTitle}${title}`, children });
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
          indent: { firstLine: 640, firstLineChars: 200 },
          spacing: { before: 120 },
          children: [run(label, { face: FONT.heading, size: SIZE.sihao }), run(quote(it.quote), { face: FONT.kai, size: SIZE.sihao })],
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
