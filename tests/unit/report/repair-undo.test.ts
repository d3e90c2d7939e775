/**
 * Undoing one repair: the same file parsed with that repair declined keeps the text as the file
 * has it there — and only there. The repair stays listed (as declined) so it can be made again.
 */
import { describe, expect, it } from 'vitest';
import { importReportBytes } from '../../../electron/core/report';
import { fixtureBytes, importFixture, XIANNING } from './helpers';

const parse = (declined: string[]) => importReportBytes(fixtureBytes(XIANNING), XIANNING, undefined, { declined });

describe('declining a repair', () => {
  const made = importFixture(XIANNING);

  it('names every repair that changes words with a stable key, and no other', () => {
    const keyed = made.repairs.filter((r) => r.key);
    expect(keyed.map((r) => r.key)).toEqual(['artifact:5', 'join:19', 'join:39', 'join:67', 'join:93']);
    expect(made.repairs.filter((r) => !r.key).every((r) => r.kind !== 'paragraphs-joined' && r.kind !== 'artifact-removed')).toBe(true);
  });

  it('a declined join leaves the two halves as the file has them; the other joins stay made', () => {
    const joined = made.blocks.find((b) => b.text.includes('编制村庄规划795个'))!;
    const undone = parse(['join:19']);
    expect(undone.blocks).toHaveLength(made.blocks.length + 1);
    const at = undone.blocks.findIndex((b) => b.text.endsWith('编制村庄规划795'));
    expect(at).toBeGreaterThan(0);
    expect(undone.blocks[at].text + undone.blocks[at + 1].text).toBe(joined.text);
    expect(undone.blocks[at + 1].text.startsWith('个。')).toBe(true);
    // the repair is still listed, as declined, with the same key and words; the others are unchanged
    const listed = undone.repairs.find((r) => r.key === 'join:19')!;
    expect(listed).toMatchObject({ declined: true, kind: 'paragraphs-joined', message: made.repairs.find((r) => r.key === 'join:19')!.message });
    expect(undone.repairs.filter((r) => r.key && r.key !== 'join:19').map((r) => [r.key, r.declined ?? false])).toEqual([
      ['artifact:5', false],
      ['join:39', false],
      ['join:67', false],
      ['join:93', false],
    ]);
    // paragraphs away from the undone joint keep their ids, so marks elsewhere do not move
    const ids = new Set(undone.blocks.map((b) => b.id));
    expect(made.blocks.filter((b) => b !== joined).every((b) => ids.has(b.id))).toBe(true);
  });

  it('a declined removal keeps the line as the file has it, as text of the report', () => {
    const undone = parse(['artifact:5']);
    expect(made.blocks.some((b) => b.text.includes('(上接第一版)'))).toBe(false);
    expect(undone.blocks.some((b) => b.text.includes('(上接第一版)'))).toBe(true);
    expect(undone.artifacts.some((a) => a.text === '(上接第一版)')).toBe(false);
  });

  it('declining nothing, or a key the file does not have, parses exactly as the import did', () => {
    expect(parse([])).toEqual(made);
    expect(parse(['join:2', 'artifact:9999'])).toEqual(made);
  });
});
