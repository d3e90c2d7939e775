/**
 * Reads an .xlsx back as the tests need it: the first sheet's cells with their stored type, so a
 * test can tell a number cell (t="n" or no t, a numeric <v>) from text. fflate unzips; the sheet
 * XML of a simple workbook is flat enough for a few regular expressions.
 */
import { strFromU8, unzipSync } from 'fflate';

export type XlsxCell = { kind: 'number'; value: number } | { kind: 'text'; value: string } | null;

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'quot'
          ? '"'
          : e === 'apos'
            ? "'"
            : e === 'amp'
              ? '&'
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

const textOf = (xml: string) => unescape([...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1]).join(''));

function column(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function readXlsx(bytes: Uint8Array): { sheetNames: string[]; rows: XlsxCell[][] } {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const sheetNames = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]));
  const rows: XlsxCell[][] = [];
  for (const row of text('xl/worksheets/sheet1.xml').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: XlsxCell[] = [];
    for (const c of row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)![1];
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let cell: XlsxCell = null;
      if (type === 'n' && v !== undefined) cell = { kind: 'number', value: Number(v) };
      else if (type === 's' && v !== undefined) cell = { kind: 'text', value: shared[Number(v)] };
      else if (type === 'inlineStr') cell = { kind: 'text', value: textOf(body) };
      else if (type === 'str' && v !== undefined) cell = { kind: 'text', value: unescape(v) };
      cells[column(ref)] = cell;
    }
    rows.push(Array.from(cells, (x) => x ?? null));
  }
  return { sheetNames, rows };
}
