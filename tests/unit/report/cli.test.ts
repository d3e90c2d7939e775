/** `reviewdesk parse FILE --json` prints only JSON; errors are Chinese, on stderr, without a stack. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, XIANNING } from './helpers';

const ROOT = join(import.meta.dirname, '../../..');
const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'electron/cli.ts', 'parse', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('cli parse', () => {
  it('prints the parsed bundled report as JSON on stdout', () => {
    const res = cli(join(FIXTURES, XIANNING), '--json');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as {
      title: string | null;
      blocks: { id: string; kind: string; path: string; text: string }[];
      artifacts: { kind: string; text: string }[];
      repairs: { kind: string }[];
    };
    expect(out.title).toBe('政府工作报告');
    expect(out.blocks.find((b) => b.text.startsWith('着力扩大有效投资'))?.path).toBe('第二部分（一）“着力扩大有效投资”段');
    expect(out.artifacts[0]).toMatchObject({ kind: 'continuation-marker', text: '(上接第一版)' });
    expect(out.repairs.some((r) => r.kind === 'paragraphs-joined')).toBe(true);
  });

  it('fails with a Chinese message and no stack trace for a picture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-cli-'));
    const file = join(dir, '报告.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const res = cli(file, '--json');
    expect(res.status).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/PNG 图片.*import\/binary/);
    expect(res.stderr).not.toMatch(/^\s+at /m);
  });

  it('writes the whole JSON into a pipe, past the 64 KB a pipe holds at once', () => {
    // The bundled test report 30 times over: over 1 MB of JSON. `| cat` used to get the first 64–128 KB.
    const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-cli-'));
    const file = join(dir, '长报告.txt');
    writeFileSync(
      file,
      Array(30)
        .fill(readFileSync(join(FIXTURES, XIANNING), 'utf8'))
        .join('\n'),
    );
    const res = spawnSync('sh', ['-c', `npx tsx electron/cli.ts parse '${file}' --json | cat`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(res.status).toBe(0);
    expect(Buffer.byteLength(res.stdout)).toBeGreaterThan(1024 * 1024);
    const out = JSON.parse(res.stdout) as { blocks: { text: string }[] };
    expect(out.blocks.filter((b) => b.text.startsWith('着力扩大有效投资'))).toHaveLength(30);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const res = spawnSync('sh', ['-c', `npx tsx electron/cli.ts parse '${join(FIXTURES, XIANNING)}' --json | head -c 10`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(res.stdout).toHaveLength(10);
    expect(res.stderr).not.toMatch(/EPIPE|^\s+at /m);
  });

  it('fails clearly for a missing file', () => {
    const res = cli(join(tmpdir(), 'no-such-report.txt'), '--json');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/找不到文件/);
    expect(res.stderr).not.toMatch(/^\s+at /m);
  });
});
