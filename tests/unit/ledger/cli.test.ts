import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, FIXTURES } from '../review/corpus';

const ROOT = join(import.meta.dirname, '../../..');

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI indicators and the ledger', () => {
  it('--json keeps indicators and pairs and adds every ledger entry', () => {
    const r = cli('indicators', join(FIXTURES, CORPUS.xianning), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      indicators: unknown[];
      pairs: unknown[];
      ledger: { metric: string; value: string; unit: string; qualifier: string | null; kind: string; path: string }[];
    };
    expect(out.indicators.length).toBeGreaterThan(10);
    expect(out.pairs.length).toBeGreaterThan(5);
    expect(out.ledger.length).toBeGreaterThan(150);
    expect(out.ledger).toContainEqual(
      expect.objectContaining({
        metric: '粮食播种面积',
        value: '296.1',
        unit: '万亩',
        qualifier: '以上',
        kind: 'target',
        path: '第二部分（六）“坚持农业农村优先发展”段',
      }),
    );
  });

  it('text output counts the ledger', () => {
    const r = cli('indicators', join(FIXTURES, CORPUS.xianning));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/承诺台账：共 \d+ 项量化表述/);
  });
});
