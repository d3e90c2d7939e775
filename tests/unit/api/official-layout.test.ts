/**
 * GB/T 9704-2012 (党政机关公文格式) on every .docx the app exports: each file is produced through
 * the real back end, opened back, and its XML read for the properties the standard fixes —
 * A4, top margin 37 mm and left margin 28 mm (portrait forms), 22 lines of 28 characters, the title in
 * 2号 方正小标宋简体, body text in 3号 仿宋, page numbers “— N —” in 4号 at the outer edge
 * (odd pages right, even pages left).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Block, DraftView, ExportResult, Report } from '../../../electron/api/contract';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-layout-');
const { call } = env;

type El = ReturnType<typeof DomUtils.getElementsByTagName>[number];
const xmlOf = (files: Record<string, Uint8Array>, name: string) => parseDocument(strFromU8(files[name]), { xmlMode: true });
const all = (root: Parameters<typeof DomUtils.getElementsByTagName>[1], tag: string) => DomUtils.getElementsByTagName(tag, root, true);
const attr = (el: El | undefined, name: string) => el?.attribs[name];
const text = (el: El) =>
  all(el, 'w:t')
    .map((t) => DomUtils.textContent(t))
    .join('');

/** 1 mm in twips, rounded as Word stores whole twips */
const mm = (n: number) => Math.round(n * 56.7);

let report: Report;
let versionId: string;
let blocks: Block[];

function target(quote: string) {
  const b = blocks.find((x) => x.text.includes(quote))!;
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length, exact: quote };
}

beforeEach(async () => {
  report = (await call<Report[]>('reports.list', {}))[0];
  versionId = report.versions[0].id;
  blocks = (await call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
});

async function exportDocx(args: Record<string, unknown>): Promise<Record<string, Uint8Array>> {
  const r = await call<ExportResult>('export.docx', { reportId: report.id, ...args });
  return unzipSync(new Uint8Array(Buffer.from(r.dataBase64!, 'base64')));
}

/** Every .docx a user can export, each with one draft or mark in it. */
async function everyExport(): Promise<{ name: string; landscape: boolean; files: Record<string, Uint8Array> }[]> {
  const t = target('地区生产总值');
  const mk = (kind: string, fields: Record<string, string>) => call<DraftView>('drafts.create', { versionId, kind, targets: [t], fields });
  const amendment = await mk('amendment', { proposed: '全市生产总值', reason: '口径统一' });
  const opinion = await mk('opinion', { content: '建议补充与全省平均水平的比较。' });
  const suggestion = await mk('suggestion', { title: '关于统一统计口径的建议', content: '建议统一口径。' });
  const proposal = await mk('proposal', { title: '关于统一统计口径的提案', suggestions: '一是统一口径。' });
  await call('annotations.create', { versionId, color: 'yellow', note: '看口径', targets: [t] });
  const out = [];
  for (const [name, args, landscape] of [
    ['修改意见', { what: 'draft', draftId: amendment.id }, true],
    ['审议意见', { what: 'draft', draftId: opinion.id }, false],
    ['代表建议', { what: 'draft', draftId: suggestion.id }, false],
    ['政协提案', { what: 'draft', draftId: proposal.id }, false],
    ['修改意见汇总表', { what: 'amendments' }, true],
    ['审议意见简报', { what: 'opinions' }, false],
    ['代表建议汇编', { what: 'suggestions' }, false],
    ['政协提案汇编', { what: 'proposals' }, false],
    ['批注摘要', { what: 'digest' }, false],
  ] as const) {
    out.push({ name, landscape, files: await exportDocx(args) });
  }
  return out;
}

describe('exported .docx files follow GB/T 9704', () => {
  it('A4, margins, the 22 × 28 grid, official faces and sizes, page numbers at the outer edge', async () => {
    const exports = await everyExport();
    expect(exports).toHaveLength(9);
    for (const { name, landscape, files } of exports) {
      const doc = xmlOf(files, 'word/document.xml');
      const sect = all(doc, 'w:sectPr')[0];
      const pgSz = all(sect, 'w:pgSz')[0];
      const pgMar = all(sect, 'w:pgMar')[0];
      const grid = all(sect, 'w:docGrid')[0];
      // A4 (the landscape 汇总表 is A4 turned)
      expect([attr(pgSz, 'w:w'), attr(pgSz, 'w:h')], name).toEqual(landscape ? ['16838', '11906'] : ['11906', '16838']);
      // 225 mm / 22 lines: every line on the grid's pitch
      expect(Number(attr(grid, 'w:linePitch')), name).toBe(Math.round((225 / 22) * 56.7));
      if (!landscape) {
        expect(attr(pgMar, 'w:top'), name).toBe(String(mm(37)));
        expect(attr(pgMar, 'w:left'), name).toBe(String(mm(28)));
        // the text block: 156 mm wide, 225 mm tall (within 0.1 mm: A4 is 11906 × 16838 twips, not exact millimetres)
        expect(Math.abs(11906 - Number(attr(pgMar, 'w:left')) - Number(attr(pgMar, 'w:right')) - mm(156)), name).toBeLessThanOrEqual(6);
        expect(Math.abs(16838 - Number(attr(pgMar, 'w:top')) - Number(attr(pgMar, 'w:bottom')) - mm(225)), name).toBeLessThanOrEqual(6);
      }
      expect(attr(grid, 'w:type'), name).toBe('lines');

      // the title: 2号 (22 pt = 44 half-points) 方正小标宋简体, centred, the first text of the page
      const runs = all(doc, 'w:r').filter((r) => text(r).trim());
      const titleRun = runs.find((r) => attr(all(r, 'w:rFonts')[0], 'w:eastAsia') === '方正小标宋简体');
      expect(titleRun, `${name}: a title in 方正小标宋简体`).toBeDefined();
      expect(attr(all(titleRun!, 'w:sz')[0], 'w:val'), name).toBe('44');
      const titlePara = titleRun!.parent as El;
      expect(attr(all(titlePara, 'w:jc')[0], 'w:val'), name).toBe('center');

      // the default run: 3号 (16 pt) 仿宋_GB2312, which body paragraphs inherit
      const styles = xmlOf(files, 'word/styles.xml');
      const defaults = all(styles, 'w:rPrDefault')[0];
      expect(attr(all(defaults, 'w:rFonts')[0], 'w:eastAsia'), name).toBe('仿宋_GB2312');
      expect(attr(all(defaults, 'w:sz')[0], 'w:val'), name).toBe('32');
      // 28 characters a line: the Normal style's letter spacing (in 1/20 pt) makes 16 pt type fit 156 mm 28 times
      const normal = all(styles, 'w:style').find((st) => attr(st, 'w:styleId') === 'Normal')!;
      expect(attr(all(normal, 'w:sz')[0], 'w:val'), name).toBe('32');
      const pitch = 16 + Number(attr(all(normal, 'w:spacing')[0], 'w:val')) / 20;
      expect(Math.floor(((156 / 25.4) * 72) / pitch), name).toBe(28);
      // no run asks for a face outside the official set
      const faces = new Set(all(doc, 'w:rFonts').map((f) => attr(f, 'w:eastAsia')));
      for (const f of faces) expect(['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312'], `${name}: ${f}`).toContain(f);

      // page numbers: different footers for odd and even pages, “— PAGE —” in 4号 (14 pt)
      const settings = xmlOf(files, 'word/settings.xml');
      expect(all(settings, 'w:evenAndOddHeaders'), name).toHaveLength(1);
      const refs = all(sect, 'w:footerReference');
      const footerFor = (type: string) => {
        const id = attr(
          refs.find((r) => attr(r, 'w:type') === type),
          'r:id',
        );
        const rels = xmlOf(files, 'word/_rels/document.xml.rels');
        const target = attr(
          all(rels, 'Relationship').find((r) => attr(r, 'Id') === id),
          'Target',
        );
        return xmlOf(files, `word/${target}`);
      };
      for (const [type, side] of [
        ['default', 'right'],
        ['even', 'left'],
      ] as const) {
        const footer = footerFor(type);
        const para = all(footer, 'w:p')[0];
        expect(attr(all(para, 'w:jc')[0], 'w:val'), `${name} ${type}`).toBe(side);
        // one character in from the edge: a 4号 character is 280 twips
        expect(attr(all(para, 'w:ind')[0], `w:${side}`), `${name} ${type}`).toBe('280');
        expect(text(para).replace(/\s/g, ''), `${name} ${type}`).toBe('——');
        expect(DomUtils.textContent(all(footer, 'w:instrText')[0]).trim(), `${name} ${type}`).toBe('PAGE');
        expect(
          all(footer, 'w:sz').every((s) => attr(s, 'w:val') === '28'),
          `${name} ${type}`,
        ).toBe(true);
      }
    }
  });
});
