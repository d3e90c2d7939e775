import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES } from './corpus';

const ROOT = join(import.meta.dirname, '../../..');

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  it('check --json prints the findings of the bundled report', () => {
    const r = cli('check', join(FIXTURES, CORPUS.xianning), '--json');
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout) as {
      findings: { rule: string; severity: string; excerpt: string; start: number; end: number; blockId: string; message: string }[];
    };
    expect(findings.find((f) => f.excerpt === '把握把握')).toMatchObject({ rule: 'repeated-words', severity: 'error' });
    for (const f of findings) expect(f.end).toBeGreaterThan(f.start);
  });

  it('indicators --json prints targets with qualifier and kind', () => {
    const r = cli('indicators', join(FIXTURES, CORPUS.stateCouncil), '--json');
    expect(r.code).toBe(0);
    const { indicators } = JSON.parse(r.stdout) as { indicators: { metric: string; value: number; unit: string; qualifier: string | null; kind: string }[] };
    expect(indicators).toContainEqual(expect.objectContaining({ metric: '城镇新增就业', value: 1200, unit: '万人', qualifier: '以上', kind: 'target' }));
  });

  it('explains a missing file in Chinese with a non-zero exit', () => {
    const r = cli('check', join(FIXTURES, 'no-such-report.txt'), '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('找不到');
  });
});
