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
const mm = (n: number) => Math.round(n * 56.7);

export const FONT = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  table: '宋体',
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
        indent: indent ? { firstLineChars: 200 } : undefined,
        spacing: { line: 360 },
        children: [run(l, { size })],
      }),
  );
}

/** Cell text; newlines become separate paragraphs so Word wraps them as the user typed. */
export function cellParagraphs(text: string, opts: { bold?: boolean; center?: boolean; size?: number; face?: string } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map(
    (l) =>
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          run(l, {
            bold: opts.bold,
            size: opts.size ?? SIZE.wuhao,
            face: opts.face ?? FONT.table,
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

/** A4 portrait with GB/T 9704 margins, or A4 landscape with narrower margins for wide tables. */
export async function packDocument(opts: { title: string; children: FileChild[]; landscape?: boolean }): Promise<Uint8Array> {
  const landscape = opts.landscape ?? false;
  const doc = new Document({
    title: opts.title,
    creator: 'ReviewDesk 审议台',
    styles: {
      default: {
        document: { run: { font: font(FONT.body), size: SIZE.sanhao } },
      },
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
            margin: landscape ? { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20) } : { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font(FONT.body),
                    size: SIZE.sihao,
                  }),
                ],
              }),
            ],
          }),
        },
        children: opts.children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
