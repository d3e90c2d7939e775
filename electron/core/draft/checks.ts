/**
 * Checks more than one kind applies (required fields, the `关于……的建议/提案` title form), and
 * the collector validation results are gathered in. A leaf like text.ts: kind modules import it.
 */
import type { FieldSpec, IssueSink, KindSpec, ValidationIssue, ValidationResult } from './kindModule';
import type { DraftKind } from './types';

export class Collector implements IssueSink {
  readonly result: ValidationResult = { errors: [], warnings: [], infos: [] };
  error(field: string, message: string, fix?: ValidationIssue['fix']) {
    this.result.errors.push(fix ? { field, message, fix } : { field, message });
  }
  warn(field: string, message: string) {
    this.result.warnings.push({ field, message });
  }
  info(field: string, message: string) {
    this.result.infos.push({ field, message });
  }
}

/** 请填写… for every required field of the spec left empty. */
export function checkRequired<K extends DraftKind>(spec: KindSpec<K>, fields: Record<string, unknown>, out: IssueSink, skip: string[] = []) {
  for (const f of spec.fields as FieldSpec[]) {
    if (!f.required || skip.includes(f.key)) continue;
    const v = fields[f.key];
    if (typeof v !== 'string' || !v.trim()) out.error(f.key, `请填写${f.label}`);
  }
}

/** How a titled form's title ends, and what one matter per form is called for it. */
export interface TitleRule {
  suffix: '的建议' | '的提案';
  /** 一事一议 / 一事一案 */
  oneMatter: string;
}

/**
 * The title rewritten into the `关于……的建议/提案` form, or null when there is nothing to keep.
 * Strips stray end punctuation and book-title marks, and swaps a wrong ending (的提案 on a suggestion).
 */
export function fixTitleWith(title: string, suffix: TitleRule['suffix']): string | null {
  let core = title.trim().replace(/[。．.，,；;：:！!\s]+$/u, '');
  core = core.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
  core = core.replace(/^关于/u, '');
  core = core.replace(/(的)?(建议|提案|意见|议案)$/u, '').trim();
  if (!core) return null;
  return `关于${core}${suffix}`;
}

// Conjunctions that often join two matters in one title. Many single-matter titles use them
// too (加强生态保护和修复), hence only a hint.
const JOINERS = ['以及', '和', '及', '与', '并'];

export function checkTitle(rule: TitleRule, label: string, title: string, out: IssueSink) {
  const t = title.trim();
  if (!t) return; // reported as a missing required field
  const { suffix } = rule;
  if (!(t.startsWith('关于') && t.endsWith(suffix) && t.length > 2 + suffix.length)) {
    const fixed = fixTitleWith(t, suffix);
    const message = `${label}应写成“关于……${suffix}”的形式` + (fixed ? `，如：${fixed}` : '');
    out.error('title', message, fixed ? { field: 'title', value: fixed } : undefined);
    return;
  }
  const core = t.slice(2, t.length - suffix.length);
  const joiner = JOINERS.find((j) => core.includes(j));
  if (joiner) out.info('title', `${label}中有“${joiner}”：如果涉及两件事，建议分开提出（${rule.oneMatter}）`);
}

/** The label users know for a field key of a spec. */
export function labelIn<K extends DraftKind>(spec: KindSpec<K>, key: string): string {
  return (spec.fields as FieldSpec[]).find((f) => f.key === key)?.label ?? key;
}
