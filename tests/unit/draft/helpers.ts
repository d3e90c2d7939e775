/** Shared fixtures for the drafting tests: real report text and a .docx reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseReportText } from '../../../electron/core/report';
import type { Block } from '../../../electron/core/report/types';
import type { Draft, DraftFields, DraftKind } from '../../../electron/core/draft/types';

const FIXTURES = join(__dirname, '../../fixtures');

export const xianningText = readFileSync(join(FIXTURES, 'xianning-2024-gov-work-report.txt'), 'utf8');
export const stateCouncilText = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'), 'utf8');

export const xianning = parseReportText(xianningText);
export const stateCouncil = parseReportText(stateCouncilText);

/** The block whose text contains `needle` (the parser decides ids and paths). */
export function blockWith(blocks: Block[], needle: string): Block {
  const b = blocks.find((x) => x.text.includes(needle));
  if (!b) throw new Error(`fixture has no block with ${needle}`);
  return b;
}

export function blockTextLookup(blocks: Block[]) {
  const byId = new Map(blocks.map((b) => [b.id, b.text]));
  return (id: string) => byId.get(id);
}

/** A target on `quote` inside `block`, as the reader would create it. */
export function targetOn(block: Block, quote: string, path = block.path) {
  const start = block.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in block: ${quote}`);
  const end = start + quote.length;
  return {
    blockId: block.id,
    start,
    end,
    exact: quote,
    prefix: block.text.slice(Math.max(0, start - 32), start),
    suffix: block.text.slice(end, end + 32),
    path,
  };
}

export function makeDraft<K extends DraftKind>(kind: K, fields: DraftFields[K], extra: Partial<Draft<K>> = {}): Draft<K> {
  return {
    id: '6f1c1f7e-9a51-4a67-9d0e-3c2b8f0a1b2c',
    reportId: 'r1',
    versionId: 'v1',
    kind,
    title: '',
    fields,
    status: 'draft',
    author: '张明',
    createdAt: '2024-01-20T09:00:00.000Z',
    updatedAt: '2024-01-20T09:30:00.000Z',
    targets: [],
    ...extra,
  };
}

/** word/document.xml of a .docx, and its visible text (tags stripped, one space between runs). */
export function readDocx(bytes: Uint8Array): { xml: string; text: string; files: string[] } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'");
  return { xml, text, files: Object.keys(files) };
}

/** Visible text of each table row (<w:tr>), cells separated by |. */
export function docxTableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
      .map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((t) => t[1])
          .join('\n')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      )
      .join('|'),
  );
}
