/** `reanchor OLD NEW ANNOTATIONS.json --json` and `diff OLD NEW --json` on the bundled report and a revision of it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTarget } from '../../../electron/core/anchor/selectors';
import { importReportBytes } from '../../../electron/core/report/index';

const ROOT = join(import.meta.dirname, '../../..');
const OLD = join(ROOT, 'tests/fixtures/xianning-2024-gov-work-report.txt');
const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

let dir = '';
let NEW = '';
let annotations: { id: string; blockId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reviewdesk-anchor-'));
  const source = readFileSync(OLD, 'utf8');
  const deletedLine = source.split('\n').find((l) => l.startsWith('深化实施强县工程'))!;
  // The official text: full-width commas, one number changed, one paragraph dropped, a sentence added.
  const revised = source
    .replace(deletedLine, '')
    .replace('795', '800')
    .replace('深度融入武汉都市圈。', '深度融入武汉都市圈。主动对接武汉新城建设。')
    .replace(/,/g, '，');
  NEW = join(dir, '正式稿.txt');
  writeFileSync(NEW, revised);
  const blocks = importReportBytes(readFileSync(OLD), 'xianning.txt').blocks;
  const mark = (id: string, needle: string, length = needle.length) => {
    const block = blocks.find((b) => b.text.includes(needle))!;
    const start = block.text.indexOf(needle);
    return { id, ...makeTarget(block, start, start + length) };
  };
  annotations = [
    mark('same', '具体抓了七个方面工作'),
    mark('edited', '编制村庄规划795个'),
    mark('moved', '实施咸宁(武汉)离岸科创园'),
    mark('gone', '深化实施强县工程。加快推进以县城为重要载体的就地城镇化'),
  ];
  writeFileSync(join(dir, 'annotations.json'), JSON.stringify(annotations));
});

describe('cli reanchor', () => {
  it('carries each annotation to the new version with exact / fuzzy / orphan', () => {
    const res = cli('reanchor', OLD, NEW, join(dir, 'annotations.json'), '--json');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const { results } = JSON.parse(res.stdout) as {
      results: { id: string; status: string; anchorStatus: string; blockId: string | null; start: number; end: number; score: number }[];
    };
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(results.map((r) => r.id)).toEqual(['same', 'edited', 'moved', 'gone']);
    expect(byId.same).toMatchObject({ status: 'exact', score: 1 });
    expect(byId.edited).toMatchObject({ status: 'fuzzy', anchorStatus: 'edited' });
    expect(byId.moved).toMatchObject({ status: 'exact', anchorStatus: 'moved' });
    expect(byId.moved.start).toBe(annotations[2].start + '主动对接武汉新城建设。'.length);
    expect(byId.gone).toMatchObject({ status: 'orphan', blockId: null, score: 0 });
    // The new position really holds the text.
    const newBlocks = importReportBytes(readFileSync(NEW), 'new.txt').blocks;
    const edited = newBlocks.find((b) => b.id === byId.edited.blockId)!;
    expect(edited.text.slice(byId.edited.start, byId.edited.end)).toBe('编制村庄规划800个');
  });

  it('rejects a malformed annotations file with a Chinese message, nothing on stdout', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'x', blockId: annotations[0].blockId, start: 5, exact: '七个' }]));
    const res = cli('reanchor', OLD, NEW, bad, '--json');
    expect(res.status).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/批注文件格式不对（第 1 条批注的 end 字段/);
    expect(res.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('cli diff', () => {
  it('prints the alignment and the changes as JSON', () => {
    const res = cli('diff', OLD, NEW, '--json');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as {
      alignment: { pairs: { kind: string }[] };
      changes: { kind: string; formatOnly: boolean; ops: { op: string; text: string }[] }[];
      stats: { kinds: Record<string, number> };
    };
    expect(out.stats.kinds.deleted).toBe(1);
    expect(out.stats.kinds.edited).toBe(2);
    expect(out.changes.filter((c) => c.kind === 'format').every((c) => c.formatOnly)).toBe(true);
    const ops = out.changes.flatMap((c) => c.ops).filter((o) => o.op === 'insert' || o.op === 'delete');
    expect(ops.map((o) => `${o.op}:${o.text}`)).toEqual(expect.arrayContaining(['insert:主动对接武汉新城建设。']));
  });
});
