/**
 * The meanings of the highlight colours. One list for the whole app: the reader shows these names
 * (through app.info) and the exports print them, so a digest says what the screen said.
 * 设置 may rename them (settings key colors.labels, a JSON object colour → name).
 */
import type { Color } from './vocabulary';

export const DEFAULT_COLOR_LABELS: Readonly<Record<Color, string>> = {
  yellow: '重点',
  blue: '疑问',
  orange: '数据待核实',
  red: '建议修改',
  green: '肯定',
  purple: '其他',
};

/** The names in force: the defaults, overridden by the user's non-empty renamings. */
export function colorLabels(raw: string | null | undefined): Record<Color, string> {
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    const own = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    const clean = Object.fromEntries(
      Object.entries(own).filter((e): e is [string, string] => Object.hasOwn(DEFAULT_COLOR_LABELS, e[0]) && typeof e[1] === 'string' && e[1].trim() !== ''),
    );
    return { ...DEFAULT_COLOR_LABELS, ...clean };
  } catch {
    return { ...DEFAULT_COLOR_LABELS };
  }
}
