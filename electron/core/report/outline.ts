/**
 * The report's outline (parts → sections → lead paragraphs) for the outline panel and summaries.
 * A part whose heading is missing (a copy that starts mid-way) still appears, with heading null.
 */
import type { Block, ParsedReport } from './types';
import { quoteLead } from './citation';

export interface OutlineSection {
  section: number;
  /** Heading text without its body (the part of the block before headingEnd). */
  heading: string;
  blockId: string;
  /** Paragraphs in the section that have a lead sentence. */
  leads: { blockId: string; lead: string }[];
}

export interface OutlinePart {
  /** 1-based part number; 0 for a report without parts, whose sections stand directly under it. */
  part: number;
  /** Heading block text, or null when the part is inferred (its heading is not in the copy). */
  heading: string | null;
  blockId: string | null;
  sections: OutlineSection[];
  /** Lead paragraphs directly in the part, outside any section. */
  leads: { blockId: string; lead: string }[];
}

export interface OutlineSummary {
  parts: number;
  sections: number;
  leads: number;
}

function headingText(b: Block): string {
  return (b.headingEnd > 0 ? b.text.slice(0, b.headingEnd) : b.text).trim();
}

export function reportOutline(report: Pick<ParsedReport, 'blocks'>): OutlinePart[] {
  const parts: OutlinePart[] = [];
  const partFor = (n: number): OutlinePart => {
    let p = parts.find((x) => x.part === n);
    if (!p) {
      p = { part: n, heading: null, blockId: null, sections: [], leads: [] };
      parts.push(p);
    }
    return p;
  };
  for (const b of report.blocks) {
    // A report without parts (（一）… directly under the title) gets its sections under part 0.
    if (b.part === null && (b.section === null || b.kind === 'closing' || b.kind === 'note')) continue;
    const part = partFor(b.part ?? 0);
    if (b.kind === 'part') {
      part.heading = b.text;
      part.blockId = b.id;
    } else if (b.kind === 'section' && b.section !== null) {
      part.sections.push({ section: b.section, heading: headingText(b), blockId: b.id, leads: [] });
    } else if (b.leadEnd > 0) {
      const lead = { blockId: b.id, lead: quoteLead(b.text.slice(0, b.leadEnd)) };
      const section = b.section !== null ? part.sections.find((s) => s.section === b.section) : undefined;
      (section ? section.leads : part.leads).push(lead);
    }
  }
  return parts.sort((a, b) => a.part - b.part);
}

export function summarizeOutline(report: Pick<ParsedReport, 'blocks'>): OutlineSummary {
  const outline = reportOutline(report);
  return {
    parts: outline.length,
    sections: outline.reduce((n, p) => n + p.sections.length, 0),
    leads: report.blocks.filter((b) => b.leadEnd > 0).length,
  };
}
