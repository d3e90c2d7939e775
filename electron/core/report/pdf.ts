/**
 * .pdf → SourceLines, through pdfjs-dist's text layer (glyph runs with positions and fonts); the
 * geometry — furniture, columns, paragraphs — is ./pdfLayout.ts. pdfjs is asynchronous, so this
 * is the one reader with `readAsync` (importReportBytesAsync awaits it).
 *
 * pdfjs runs its "worker" in this thread: we are already in the job worker, and a nested worker
 * would only add a file to find. It is loaded with a real dynamic import() from node_modules
 * (the job worker bundle keeps pdfjs-dist external), once, on the first PDF. Nothing is fetched:
 * CMaps and the standard fonts come from the installed package's folders.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReviewDeskError } from '../errors';
import { layoutPdfPages, type PdfPage, type PdfReading, type PdfRun } from './pdfLayout';

/** A report is tens of pages; a newspaper's special edition a few hundred at most. */
export const MAX_PDF_PAGES = 2000;

type PdfjsLib = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsLib> | undefined;

/** The installed package's folder (for its modules, cmaps/ and standard_fonts/), found from this module. */
function pdfjsDir(): string {
  return outsideAsar(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));
}

/**
 * In the packaged app the package resolves inside app.asar, but it is shipped unpacked beside it
 * (electron-builder.yml asarUnpack): import() and pdfjs's own file reads then get real files.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/**
 * By file URL, not bare name: the same import() then works from the built CommonJS worker, from
 * tsx (which may evaluate this module from a data: URL) and from vitest.
 */
function importFile(...parts: string[]): Promise<unknown> {
  return import(pathToFileURL(join(pdfjsDir(), ...parts)).href) as Promise<unknown>;
}

function loadPdfjs(): Promise<PdfjsLib> {
  loading ??= (async () => {
    // The worker's message handler in this thread: pdfjs then never imports a worker file.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await importFile('legacy', 'build', 'pdf.worker.mjs');
    return (await importFile('legacy', 'build', 'pdf.mjs')) as PdfjsLib;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

function invalidPdf(): ReviewDeskError {
  return new ReviewDeskError('import/pdf-invalid', '这份 PDF 已损坏或不是有效的 PDF 文件。');
}

/** pdfjs's own exceptions (by name: they are classes of the dynamically loaded module) → Chinese. */
function pdfError(e: unknown): ReviewDeskError {
  if (e instanceof ReviewDeskError) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') {
    return new ReviewDeskError('import/pdf-encrypted', '这份 PDF 设有打开口令，请先在 PDF 阅读器中去除口令后再导入。');
  }
  return invalidPdf();
}

/** A font whose name says bold — or 黑体, the bold-looking face Chinese documents set headings in. */
const BOLD_FONT = /bold|heavy|black|semibold|demibold|extrabold|ultrabold|[-_,+](?:w[6-9]|hei)\b|simhei|heiti|黑体|方正黑|fzhei|fzhtk|stheiti|msyhbd|[-,]b$/i;

/**
 * Glyphs some fonts map to CJK radicals rather than the ideograph they look like (Chromium and
 * Word with Noto/Source Han, 思源黑体): 工 comes out as ⼯ (U+2F2F), 风 as ⻛. A reader never meant
 * the radical. The Kangxi block has compatibility mappings (NFKC); the supplement block does not,
 * so its look-alikes are listed here (pairs: radical, ideograph — from the fonts' shared glyphs),
 * with the few Extension A characters that share an ideograph's glyph (胶 → 㬵) and the
 * horizontal bar that stands for the dash of 破折号 (GB/T 15834 writes U+2014).
 */
const RADICAL_PAIRS =
  '―—㫚曶㬵胶㬺幐㮣槩⺂乛⺃乚⺅亻⺉刂⺋㔾⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺭礻⺯糹⺰纟⺱罓⺳㓁⺹耂⺺肀⺾艹⻂衤⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼾户';
const RADICALS = new Map<string, string>();
for (let i = 0; i + 1 < RADICAL_PAIRS.length; i += 2) RADICALS.set(RADICAL_PAIRS[i], RADICAL_PAIRS[i + 1]);

export function unifyRadicals(text: string): string {
  return text.replace(/[\u2015\u3400-\u4dbf\u2e80-\u2fdf]/g, (ch) => RADICALS.get(ch) ?? ch.normalize('NFKC'));
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** The operators that paint a picture: a page with these and no text is a scan. */
function paintsImages(lib: PdfjsLib, fnArray: number[]): boolean {
  const ops = new Set([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject, lib.OPS.paintImageXObjectRepeat]);
  return fnArray.some((fn) => ops.has(fn));
}

/** Read every page's text runs (upright text only: rotated stamps and watermarks are not the report). */
async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await loadPdfjs();
  const dir = pdfjsDir();
  // pdfjs takes ownership of (and may detach) the buffer it is given: give it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw pdfError(e);
    });
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ReviewDeskError('import/too-large', `这份 PDF 有 ${doc.numPages} 页，超过了可导入的上限（${MAX_PDF_PAGES} 页）。`);
    }
    const pages: PdfPage[] = [];
    let visible = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as TextItemLike[]).filter((it) => typeof it.str === 'string' && it.str.length > 0);
      const hasText = items.some((it) => /\S/.test(it.str));
      // Font names (for bold) reach page.commonObjs only with the operator list.
      if (hasText) await page.getOperatorList();
      const bold = new Map<string, boolean>();
      const isBold = (fontName: string) => {
        let b = bold.get(fontName);
        if (b === undefined) {
          const font = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: string } | null) : null;
          b = BOLD_FONT.test(font?.name ?? '');
          bold.set(fontName, b);
        }
        return b;
      };
      const runs: PdfRun[] = [];
      for (const it of items) {
        const [a, b, c, d, e, f] = lib.Util.transform(viewport.transform, it.transform);
        // upright text only: in viewport space a is the horizontal scale and d is negative (y down)
        if (Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05 || a <= 0) continue;
        const text = unifyRadicals(it.str);
        visible += text.replace(/\s/g, '').length;
        runs.push({ text, x: e, y: viewport.height - f, width: it.width * viewport.scale, size: Math.abs(d), bold: isBold(it.fontName) });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    if (visible === 0) {
      // No text anywhere: a scan if its pages are pictures (a few pages tell), else empty.
      for (let n = 1; n <= Math.min(3, doc.numPages); n++) {
        const ops = await (await doc.getPage(n)).getOperatorList();
        if (paintsImages(lib, ops.fnArray)) {
          throw new ReviewDeskError('import/pdf-scanned', '这份 PDF 是扫描图片，没有可提取的文字。请向会务组索取文字版（.docx 或可复制文字的 PDF）后再导入。');
        }
      }
      throw new ReviewDeskError('import/no-paragraphs', '这份 PDF 里没有可提取的文字，无法作为报告导入。');
    }
    return pages;
  } catch (e) {
    throw pdfError(e);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** A PDF's bytes → paragraphs, with the page furniture removed listed as repairs and artifacts. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  return layoutPdfPages(await readPages(bytes));
}
