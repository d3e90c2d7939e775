/**
 * The same forms and lists as the .docx exporters, as Markdown: for pasting into chat, mail
 * or a notes app, and for diffing drafts as text.
 */
import type { Draft } from '../types';
import { amendmentWording } from '../kinds/amendment';
import { quote } from '../text';
import { chineseNumber } from '../wording';
import { renderSingleDraft } from './rows';
import { briefingGroups, NO_DELEGATION, passageHeading } from './briefing';
import {
  AMENDMENT_TABLE_COLUMNS,
  type AmendmentTableInput,
  type DigestInput,
  type DraftExportContext,
  type OpinionListInput,
  type ProposalDoc,
  type SuggestionDoc,
} from './types';

/** Escapes characters Markdown would read as markup, so the user's text shows as typed. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c)
      .replace(/^(\s*)([#>+-])/gm, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
      // 1. starts a list: escape the dot, since a backslash before a digit would show
      .replace(/^(\s*\d+)([.)])/gm, (_m, num: string, mark: string) => `${num}\\${mark}`)
  );
}

/** A table cell: one line, pipes escaped, line breaks kept as <br>. */
function tableCell(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => escapeMarkdown(l.trim()))
    .join('<br>');
}

function tableMd(header: readonly string[], rows: string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((r) => line(r.map(tableCell)))].join('\n');
}

/** Body text: one Markdown paragraph per line the user typed. */
function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeMarkdown)
    .join('\n\n');
}

function doc(blocks: (string | false | undefined)[]): string {
  return blocks.filter((b): b is string => typeof b === 'string' && b.length > 0).join('\n\n') + '\n';
}

export function proposalMarkdown(p: ProposalDoc): string {
  return doc([
    '# 提案',
    p.session.trim() && escapeMarkdown(p.session.trim()),
    tableMd(
      ['项目', '内容'],
      [
        ['编号', '（由提案委员会填写）'],
        ['案由', p.title],
        ['提案来源', p.source],
        ['提案人', p.proposer],
        ['界别（组别）', p.sector],
        ['联名提案人', p.coProposers],
        ['类别', p.category],
        ['通讯地址', p.address],
        ['邮政编码', p.postcode],
        ['联系电话', p.phone],
        ['电子邮箱', p.email],
      ],
    ),
    '## 一、情况分析',
    paragraphs(p.analysis),
    '## 二、具体建议',
    paragraphs(p.suggestions),
    p.date?.trim() && escapeMarkdown(p.date.trim()),
  ]);
}

export function suggestionMarkdown(s: SuggestionDoc): string {
  return doc([
    `# ${escapeMarkdown(s.title || '代表建议')}`,
    tableMd(
      ['项目', '内容'],
      [
        ['标题', s.title],
        ['提出时间', s.session],
        ['领衔代表', s.leadDeputy],
        ['附议代表', s.coDeputies],
        ['代表团', s.delegation],
        ['类别', s.category],
      ],
    ),
    '## 内容',
    paragraphs(s.content),
    s.date?.trim() && escapeMarkdown(s.date.trim()),
  ]);
}

/** Several forms in one Markdown file, separated by a rule (the page break of the .docx). */
export function formsMarkdown<Doc>(docs: Doc[], render: (d: Doc) => string, empty: string): string {
  return docs.length ? docs.map(render).join('\n---\n\n') : `${empty}\n`;
}

function subtitle(parts: (string | undefined)[]): string {
  return escapeMarkdown(parts.filter((p) => p?.trim()).join('　'));
}

export function amendmentTableMarkdown(input: AmendmentTableInput): string {
  const rows = input.rows.map((r, i) => [
    String(i + 1),
    r.path,
    r.original,
    amendmentWording(r),
    r.reason,
    r.affiliation?.trim() ? `${r.author}（${r.affiliation.trim()}）` : r.author,
  ]);
  return doc([
    `# ${escapeMarkdown(`《${input.reportTitle}》修改意见汇总表`)}`,
    subtitle([input.versionLabel, input.compiledBy, input.date, `共${input.rows.length}条`]),
    tableMd(AMENDMENT_TABLE_COLUMNS, rows),
  ]);
}

export function opinionListMarkdown(input: OpinionListInput): string {
  const title = input.briefing ? '审议意见简报' : '审议意见';
  return doc([
    `# ${title}`,
    subtitle([`《${input.reportTitle}》`, input.versionLabel, input.briefing?.date]),
    ...briefingGroups(input.items).map((g, i) =>
      doc([
        `## ${chineseNumber(i + 1)}、${escapeMarkdown(g.delegation || NO_DELEGATION)}`,
        ...g.passages.map((p, j) =>
          doc([
            `### （${chineseNumber(j + 1)}）${escapeMarkdown(passageHeading(p.path))}`,
            p.quote && `> 原文：${escapeMarkdown(quote(p.quote))}`,
            ...p.remarks.map((r) => {
              const when = r.date && r.date !== input.briefing?.date ? `（${r.date}）` : '';
              return `**${escapeMarkdown(r.speaker || '发言人未注明')}${when}：**${paragraphs(r.content)}`;
            }),
          ]).trimEnd(),
        ),
      ]).trimEnd(),
    ),
    input.items.length === 0 && '（暂无审议意见）',
  ]);
}

export function digestMarkdown(input: DigestInput): string {
  const total = input.sections.reduce((n, s) => n + s.items.length, 0);
  return doc([
    `# ${escapeMarkdown(`《${input.reportTitle}》批注摘要`)}`,
    subtitle([input.versionLabel, `共${total}条`]),
    ...input.sections.map((s) =>
      doc([
        `## ${escapeMarkdown(s.path || '（未定位）')}`,
        ...s.items.map((it) => {
          const label = it.colorLabel.trim() ? `**【${escapeMarkdown(it.colorLabel.trim())}】**` : '';
          const note = it.note
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => `  ${escapeMarkdown(l)}`)
            .join('\n\n');
          const meta = [it.tags.length ? `标签：${it.tags.join('、')}` : '', it.author, it.createdAt].filter(Boolean).join('　');
          return [`- ${label}${escapeMarkdown(quote(it.quote))}`, note, meta && `  *${escapeMarkdown(meta)}*`].filter(Boolean).join('\n\n');
        }),
      ]).trimEnd(),
    ),
    total === 0 && '（暂无批注）',
  ]);
}

/** One draft as its own form (see renderSingleDraft). */
export function draftToMarkdown(draft: Draft, ctx: DraftExportContext): string {
  return renderSingleDraft(draft, ctx, {
    proposal: proposalMarkdown,
    suggestion: suggestionMarkdown,
    amendmentTable: amendmentTableMarkdown,
    opinionList: opinionListMarkdown,
  });
}
