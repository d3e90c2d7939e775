/**
 * Report engine entry points. PLACEHOLDER implementation (naive line split) until the real
 * importer/repair/structure modules land; the signatures are the contract others code against.
 */
import { createHash } from 'node:crypto';
import type { Block, ParsedReport } from './types';

export type { Block, ParsedReport } from './types';

/** Parse already-decoded report text (txt/md content). */
export function parseReportText(text: string, opts: { format?: 'txt' | 'md' } = {}): ParsedReport {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const blocks: Block[] = lines.map((t, ord) => ({
    id: 'b' + createHash('sha1').update(`${ord}:${t}`).digest('hex').slice(0, 10),
    ord,
    kind: ord === 0 ? 'title' : 'paragraph',
    text: t,
    path: `第${ord + 1}段`,
    level: ord === 0 ? 0 : 4,
    part: null,
    section: null,
    headingEnd: 0,
    leadEnd: 0,
    sentenceEnds: [t.length],
  }));
  return {
    title: lines[0] ?? null,
    date: null,
    speaker: null,
    region: null,
    year: null,
    blocks,
    artifacts: [],
    repairs: [],
    sourceEncoding: 'utf-8',
    sourceFormat: opts.format ?? 'txt',
  };
}

/** Decode and parse a report file's bytes (.txt/.md/.docx). Throws ReviewDeskError on bad input. */
export function importReportBytes(bytes: Uint8Array, fileName: string): ParsedReport {
  return parseReportText(new TextDecoder().decode(bytes), { format: fileName.endsWith('.md') ? 'md' : 'txt' });
}
