/**
 * The look of an official document (党政机关公文格式 GB/T 9704) in `docx` terms: A4, title in
 * 方正小标宋简体, headings in 黑体, body in 仿宋_GB2312, page numbers as “— 1 —”.
 * Font names are requests, not requirements: Word and WPS substitute a fallback when a font is
 * missing, and Latin text and digits use Times New Roman.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  LineRuleType,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableCell,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';

/** Millimetres to whole twips (Word rejects fractional twips). */
export const mm = (n: number) => Math.round(n * 56.7);

/**
 * GB/T 9704-2012 page: A4, top margin 37 mm, left (binding) margin 28 mm, a text block of
 * 156 × 225 mm holding 22 lines of 28 characters in 3号 (16 pt).
 */
export const OFFICIAL_PAGE = {
  margin: { top: mm(37), bottom: mm(297 - 37 - 225), left: mm(28), right: mm(210 - 28 - 156) },
  /** 225 mm / 22 lines, in twips: every body line sits on this pitch */
  linePitch: Math.round((225 / 22) * 56.7),
  /**
   * Letter spacing of body text, in twentieths of a point: 28 characters of 16 pt are a little
   * wider than 156 mm, so each gives up a quarter point. Spacing rather than a character grid
   * (docGrid charSpace): Word squeezes characters onto such a grid but LibreOffice gives every
   * character wider than the grid two cells, which prints 14 characters a line.
   */
  letterSpacing: -5,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

export const FONT = {
  title: '方正小标宋简体',
  heading: '黑体',
  /** second-level headings and quoted passages */
  kai: '楷体_GB2312',
  body: '仿宋_GB2312',
} as const;

/** Chinese type sizes in half-points, as docx expects. */
export const SIZE = {
  erhao: 44,
  sanhao: 32,
  sihao: 28,
  xiaosi: 24,
  wuhao: 21,
} as const;

export function font(eastAsia: string) {
  return {
    ascii: 'Times New Roman',
    hAnsi: 'Times New Roman',
    cs: 'Times New Roman',
    eastAsia,
  };
}

export function run(text: string, opts: Omit<IRunOptions, 'text'> & { face?: string } = {}): TextRun {
  const { face, ...rest } = opts;
  return new TextRun({ ...rest, text, font: font(face ?? FONT.body) });
}

/** The document title: centred, 二号 方正小标宋简体. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [run(text, { face: FONT.title, size: SIZE.erhao })],
  });
}

export function subtitleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [run(text, { face: FONT.body, size: SIZE.sihao })],
  });
}

/** A level-one heading: 黑体 三号, as 一、情况分析. */
export function headingParagraph(text: string, size: number = SIZE.sanhao): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [run(text, { face: FONT.heading, size })],
  });
}

/**
 * Body text: each line of the user's text becomes a paragraph indented by two characters,
 * the way official documents open every paragraph.
 */
export function bodyParagraphs(text: string, size: number = SIZE.sanhao, indent = true): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map(
    (l) =>
      new Paragraph({
        // two characters of 3号; LibreOffice reads firstLine, Word the character count
        indent: indent ? { firstLine: 640, firstLineChars: 200 } : undefined,
        // exactly one grid line each: 22 lines a page, as the standard counts them
        spacing: { line: OFFICIAL_PAGE.linePitch, lineRule: LineRuleType.EXACT },
        children: [run(l, { size })],
      }),
  );
}

/**
 * Cell text; newlines become separate paragraphs so Word wraps them as the user typed. Cells
 * take a line height of their own type size rather than the page grid's 29 pt pitch.
 */
export function cellParagraphs(text: string, opts: { bold?: boolean; center?: boolean; size?: number; face?: string } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/);
  const size = opts.size ?? SIZE.xiaosi;
  return lines.map(
    (l) =>
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        // 1.4 lines of the cell's own type size (size is in half-points; twips are 1/20 pt)
        spacing: { line: Math.round(size * 10 * 1.4), lineRule: LineRuleType.EXACT },
        children: [
          run(l, {
            bold: opts.bold,
            size,
            // forms and tables keep the document's faces (FORMATS.md): 仿宋 text, 黑体 labels
            face: opts.face ?? (opts.bold ? FONT.heading : FONT.body),
          }),
        ],
      }),
  );
}

export function cell(
  text: string,
  opts: {
    bold?: boolean;
    center?: boolean;
    widthPct?: number;
    span?: number;
    size?: number;
    face?: string;
    shade?: boolean;
  } = {},
): TableCell {
  return new TableCell({
    children: cellParagraphs(text, opts),
    verticalAlign: VerticalAlign.CENTER,
    columnSpan: opts.span,
    width: opts.widthPct ? { size: opts.widthPct, type: WidthType.PERCENTAGE } : undefined,
    shading: opts.shade ? { fill: 'E7E6E6' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

/** Text width in twips: A4 minus margins. */
export const TEXT_WIDTH = {
  portrait: 11906 - mm(28) - mm(26),
  landscape: 16838 - mm(40),
} as const;

export const THIN_BORDERS = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

/**
 * Page numbers as GB/T 9704 sets them: 4号 Arabic numerals between dashes (— 1 —), odd pages
 * at the right and even pages at the left, one character in from the edge of the text block.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.sihao * 10; // a 4号 character, in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONT.body),
            size: SIZE.sihao,
          }),
        ],
      }),
    ],
  });
}

/** A4 portrait on the GB/T 9704 grid, or A4 landscape with narrower margins for wide 汇总表. */
export async function packDocument(opts: { title: string; children: FileChild[]; landscape?: boolean }): Promise<Uint8Array> {
  const landscape = opts.landscape ?? false;
  const doc = new Document({
    title: opts.title,
    creator: 'ReviewDesk 审议台',
    // odd and even pages carry their numbers on opposite sides
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONT.body), size: SIZE.sanhao } },
      },
      // the 28 characters a line: every paragraph inherits Normal's letter spacing
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(FONT.body), size: SIZE.sanhao, characterSpacing: OFFICIAL_PAGE.letterSpacing } }],
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape: always give portrait A4.
            size: {
              width: 11906,
              height: 16838,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: landscape ? { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20) } : OFFICIAL_PAGE.margin,
          },
          // the standard's 22 lines a page (its 28 characters a line come from the letter spacing)
          grid: { type: DocumentGridType.LINES, linePitch: OFFICIAL_PAGE.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: opts.children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
