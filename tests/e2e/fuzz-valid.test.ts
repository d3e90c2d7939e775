/**
 * Schema-VALID hostile calls to every API method, over HTTP against the real host: the longest
 * strings the contract allows, boundary numbers, Unicode edge cases and the ids of other
 * records (another report's version, a deleted mark, a block of another version). Zod accepts
 * every one of them, so what is tested is what happens after validation: each call answers —
 * 200, or a 4xx with a Chinese message — within a time limit, never a 500 or a dropped
 * connection; a refused call leaves every table exactly as it was; the host's console shows no
 * stack trace and the host still answers at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contract, methodNames } from '../../electron/api/contract';
import { DATABASE_FILE } from '../../electron/api/app';
import { startHost, ROOT, type RunningHost } from '../helpers/host';
import { contentHash } from '../helpers/dbhash';
import { validArgsFor, type KnownIds } from '../helpers/validArgs';
import { fuzzParams, runsFromEnv } from '../helpers/fuzzSeed';

// REVIEWDESK_FUZZ_VALID_RUNS=200 REVIEWDESK_FUZZ_SEED=random for a soak (see helpers/fuzzSeed)
const RUNS_PER_METHOD = runsFromEnv('REVIEWDESK_FUZZ_VALID_RUNS', 25);
/** one call may take this long at most (an import of the largest allowed file is far below it) */
const CALL_LIMIT_MS = 30_000;

let host: RunningHost;
let stderr = '';
const known: KnownIds = { ids: [], names: [], files: [] };

/**
 * The database's content hash, recomputed only when something was committed: a reader kept
 * open sees PRAGMA data_version move when any other connection commits, and a restore that
 * swaps the file shows as a new inode. Hashing the whole file twice per call made this the
 * slowest file of the suite; the check itself is unchanged.
 */
const watch = {
  db: undefined as Database.Database | undefined,
  ino: -1,
  version: -1,
  hash: '',
  current(): string {
    const file = join(host.dataDir, DATABASE_FILE);
    const ino = statSync(file).ino;
    if (!this.db || ino !== this.ino) {
      this.db?.close();
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.ino = ino;
      this.version = -1;
    }
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.version) {
      this.hash = contentHash(this.db);
      this.version = version;
    }
    return this.hash;
  },
};
const dbHash = () => watch.current();

beforeAll(async () => {
  host = await startHost();
  host.proc.stderr!.on('data', (d) => (stderr += d));
  const b64 = (p: string) => readFileSync(p).toString('base64');
  const planFile = b64(join(ROOT, 'tests/fixtures/synthetic/plan-report.txt'));
  await host.call('reports.import', { fileName: 'plan-report.txt', dataBase64: planFile });
  const reports = await host.call<{ id: string; versions: { id: string; meta: { repairs: { key?: string }[] } }[] }[]>('reports.list');
  for (const r of reports) {
    known.ids.push(r.id, ...r.versions.map((v) => v.id));
    // the import's repairs (撤销 / 恢复 name them), and keys no version has
    known.names.push(...r.versions.flatMap((v) => v.meta.repairs.flatMap((x) => (x.key ? [x.key] : []))), 'join:0', 'artifact:4294967296');
    const doc = await host.call<{ blocks: { id: string; text: string }[] }>('reports.get', { versionId: r.versions[0].id });
    known.ids.push(...doc.blocks.slice(0, 6).map((b) => b.id), doc.blocks.at(-1)!.id);
    const b = doc.blocks[3];
    const mark = await host.call<{ id: string }>('annotations.create', {
      versionId: r.versions[0].id,
      color: 'yellow',
      note: '已有批注',
      targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: '' }],
    });
    const gone = await host.call<{ id: string }>('annotations.create', {
      versionId: r.versions[0].id,
      color: 'red',
      targets: [{ blockId: b.id, start: 1, end: 3, exact: b.text.slice(1, 3), prefix: '', suffix: '' }],
    });
    await host.call('annotations.delete', { id: gone.id });
    const draft = await host.call<{ id: string }>('drafts.create', { versionId: r.versions[0].id, kind: 'opinion', title: '审议意见' });
    known.ids.push(mark.id, gone.id, draft.id);
    // 承诺台账 entry keys (ledger.mark refuses one that is not an entry of the version)
    const ledger = await host.call<{ entries: { id: string }[] }>('ledger.list', { versionId: r.versions[0].id });
    known.names.push(...ledger.entries.slice(0, 3).map((e) => e.id), '0123456789abcdef');
  }
  known.ids.push('00000000-0000-4000-8000-000000000000');
  const backup = await host.call<{ name: string }>('backups.create');
  known.names.push(backup.name, 'reviewdesk-20000101-000000.sqlite3', 'plan-report.txt', 'x.reviewdesk', '审议台交换包.reviewdesk', 'a.docx', 'a.md', 'a.html');
  // paths a crafted request might name to write to (the host must refuse every one)
  const elsewhere = join(host.dataDir, 'elsewhere');
  known.names.push(
    ...['.reviewdesk', '.docx', '.csv', '.md', '.jsonld', '.sqlite3', '.rdbackup', '.xlsx'].map((ext) => `${elsewhere}${ext}`),
    '/etc/cron.d/x.csv',
    'C:\\Windows\\x.docx',
  );
  known.names.push('一个足够长的口令123456');
  const bundle = await host.call<{ dataBase64: string }>('bundles.export', {});
  known.files.push(planFile, bundle.dataBase64, Buffer.from('不是报告也不是交换包').toString('base64'));
});

afterAll(async () => {
  watch.db?.close();
  await host?.stop();
});

async function callOnce(method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(CALL_LIMIT_MS),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('schema-valid hostile calls over HTTP', () => {
  let total = 0;
  let refused = 0;

  for (const [index, method] of methodNames.entries()) {
    it(`${method}: ${RUNS_PER_METHOD} valid-but-hostile calls answer 200 or a Chinese 4xx; a refusal writes nothing`, async () => {
      const schema = contract[method].args;
      await fc.assert(
        fc.asyncProperty(validArgsFor(schema, known), async (args) => {
          const before = dbHash();
          const { status, body } = await callOnce(method, args);
          const shown = `${method} ${fc.stringify(args).slice(0, 160)} → ${status} ${body.error?.message ?? ''}`;
          total++;
          expect(status, shown).not.toBe(500);
          expect(status === 200 || (status >= 400 && status < 500), shown).toBe(true);
          if (status !== 200) {
            refused++;
            expect(body.error?.message, shown).toMatch(/[\u4e00-\u9fff]/);
            expect(dbHash(), `refused but wrote: ${shown}`).toBe(before);
          }
        }),
        fuzzParams(index, RUNS_PER_METHOD),
      );
    });
  }

  it('the host still answers, showed no stack trace, wrote nowhere it was told to, and every method was exercised', async () => {
    for (const ext of ['.reviewdesk', '.docx', '.csv', '.md', '.jsonld', '.sqlite3', '.rdbackup', '.xlsx'])
      expect(existsSync(join(host.dataDir, `elsewhere${ext}`))).toBe(false);
    expect((await callOnce('reports.list', {})).status).toBe(200);
    expect(host.proc.exitCode).toBeNull();
    expect(stderr).not.toMatch(/\n\s+at .+[:(]/);
    console.log(
      `valid-but-hostile fuzz: ${total} calls over ${methodNames.length} methods through the host, ${refused} refused with a Chinese 4xx, none 500, none hung`,
    );
    expect(total).toBe(methodNames.length * RUNS_PER_METHOD);
  });
});
