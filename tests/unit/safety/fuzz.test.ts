/**
 * Never let anything in: every API method, called through dispatch with fast-check-generated
 * invalid and hostile arguments (wrong types, huge strings, unknown fields, nulls, arrays,
 * prototype-pollution keys, path traversal, NUL bytes), answers with a validation error —
 * ApiFailure 400, or a typed 4xx for the schema-valid hostile cases — never a crash or a 500,
 * and leaves every table of the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { startBackend, type Backend } from '../../../electron/api/app';
import { dispatch, ApiFailure } from '../../../electron/api/dispatch';
import { contract, methodNames, type Method } from '../../../electron/api/contract';
import { contentHash } from '../../helpers/dbhash';
import { fuzzParams, runsFromEnv } from '../../helpers/fuzzSeed';

// 50 per method in `npm test` (the suite has a 15-minute budget); REVIEWDESK_FUZZ_RUNS=500 for a long soak.
const RUNS_PER_METHOD = runsFromEnv('REVIEWDESK_FUZZ_RUNS', 50);
let dir: string;
let backend: Backend;
let versionId: string;
let reportId: string;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-fuzz-'));
  // no timers fire: a backup file is not a database change, but keep the run deterministic
  backend = startBackend({
    dataDir: dir,
    resourcesDir: join(import.meta.dirname, '..', '..', '..', 'resources'),
    platform: 'web',
    version: 'fuzz',
    backupAtStart: false,
    backupTimers: { setTimeout: () => 0, clearTimeout: () => {} },
    log: () => {},
  });
  const info = (await dispatch(backend.handlers, 'app.info', {})) as { startVersionId: string };
  versionId = info.startVersionId;
  reportId = ((await dispatch(backend.handlers, 'reports.list', {})) as { id: string }[])[0].id;
  const doc = (await dispatch(backend.handlers, 'reports.get', { versionId })) as { blocks: { id: string; text: string }[] };
  const b = doc.blocks[5];
  await dispatch(backend.handlers, 'annotations.create', {
    versionId,
    color: 'red',
    note: '已有的批注',
    tags: ['甲'],
    targets: [{ blockId: b.id, start: 0, end: 4, exact: b.text.slice(0, 4), prefix: '', suffix: '' }],
  });
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- hostile values -------------------------------------------------------------------------

const HUGE = 'A'.repeat(30_000_000); // over every size limit, including base64 file contents
const hostileStrings = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      '/etc/passwd',
      'C:\\Windows\\System32\\config',
      '%2e%2e%2f%2e%2e%2f',
      'reviewdesk-20250101-000000.sqlite3/../../reviewdesk.sqlite3',
      'a\u0000b',
      '\u0000',
      '__proto__',
      'constructor',
      'prototype',
      "'); DROP TABLE annotations; --",
      '<img src=x onerror=alert(1)>',
      '\u202e\ufeff',
      '',
      ' ',
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(1_000_001), HUGE) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 2 ** 53, -0, Number.NaN, Infinity)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 2, arbitrary: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { polluted: true } }) },
);
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function keysOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[] };
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return [...new Set(s.options.flatMap(keysOf))];
  return [];
}

/** An object built so that a key like "__proto__" becomes an own property, as JSON.parse makes it. */
const own = (entries: [string, unknown][]) => Object.fromEntries(entries);

function argsFor(method: Method): fc.Arbitrary<unknown> {
  const schema = contract[method].args;
  const keys = keysOf(schema);
  const knownKey = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  const unknownKey = fc.oneof(
    fc.constantFrom(...POLLUTING_KEYS),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)),
  );
  // 1. not an object at all (null/undefined at the top level mean "no arguments", so not here)
  const notAnObject = fc.oneof(hostileStrings, fc.integer(), fc.boolean(), fc.array(hostileValue, { maxLength: 4 }));
  // 2. an object carrying at least one field the method does not have
  const withUnknownField = fc
    .tuple(fc.array(fc.tuple(knownKey, hostileValue), { maxLength: 4 }), fc.array(fc.tuple(unknownKey, hostileValue), { minLength: 1, maxLength: 3 }))
    .map(([known, extra]) => own([...known, ...extra]));
  // 3. the method's own fields with hostile values (kept only when the schema rejects them)
  const wrongValues = fc
    .array(fc.tuple(knownKey, hostileValue), { minLength: 1, maxLength: Math.max(1, keys.length) })
    .map(own)
    .filter((a) => !schema.safeParse(a).success);
  return fc.oneof(notAnObject, withUnknownField, wrongValues);
}

async function outcome(method: string, args: unknown): Promise<{ status: number; message: string } | 'accepted'> {
  try {
    await dispatch(backend.handlers, method, args, (e) => internalErrors.push(e));
    return 'accepted';
  } catch (e) {
    if (e instanceof ApiFailure) return { status: e.status, message: e.error.message };
    return { status: 0, message: `thrown past dispatch: ${String(e)}` };
  }
}

describe('hostile arguments to every API method', () => {
  let total = 0;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  for (const [index, method] of methodNames.entries()) {
    it(`${method}: ${RUNS_PER_METHOD} invalid calls, each a 400 with a Chinese message, nothing written`, async () => {
      const before = contentHash(backend.ctx.store.db);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(argsFor(method), async (args) => {
          runs++;
          const r = await outcome(method, args);
          expect(r, `accepted: ${method} ${fc.stringify(args).slice(0, 200)}`).not.toBe('accepted');
          if (r === 'accepted') return;
          expect(r.status, r.message).toBe(400);
          expect(r.message).toMatch(/^参数无效/);
        }),
        fuzzParams(index, RUNS_PER_METHOD),
      );
      total += runs;
      expect(contentHash(backend.ctx.store.db)).toBe(before);
      expect(internalErrors).toEqual([]);
    });
  }

  it('schema-valid but hostile arguments get a typed 4xx refusal, nothing written', async () => {
    const before = contentHash(backend.ctx.store.db);
    const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
    const traversalZip = b64(zipSync({ 'manifest.json': strToU8('{}'), '../../etc/passwd': strToU8('root') }));
    const missing = '00000000-0000-4000-8000-000000000000';
    const cases: [Method, unknown][] = [
      ['backups.restore', { name: 'reviewdesk-20000101-000000.sqlite3' }],
      ['bundles.import', { fileName: '../../etc/passwd', dataBase64: b64('这不是交换包') }],
      ['bundles.import', { fileName: 'x.reviewdesk', dataBase64: traversalZip }],
      ['bundles.import', { fileName: 'x.reviewdesk', dataBase64: '' }],
      ['bundles.export', { reportId: missing }],
      ['bundles.export', { destination: '/no/such/folder/x.reviewdesk' }],
      ['reports.import', { fileName: '../../etc/passwd', dataBase64: '' }],
      ['reports.import', { fileName: 'a.docx', dataBase64: b64('PK\u0003\u0004 not really a docx') }],
      ['reports.get', { versionId: missing }],
      ['reports.rename', { reportId: missing, title: '新标题' }],
      ['annotations.update', { id: missing, note: 'x' }],
      ['annotations.create', { versionId, color: 'red', targets: [{ blockId: 'no-such-block', start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }] }],
      ['delegation.summary', { versionId: missing }],
      ['delegation.exportAmendments', { versionId, format: 'docx' }],
      ['search.query', { versionId: missing, q: '../../etc/passwd' }],
    ];
    for (const [method, args] of cases) {
      if (!methodNames.includes(method)) continue;
      const r = await outcome(method, args);
      expect(r, `${method} ${fc.stringify(args).slice(0, 120)}`).not.toBe('accepted');
      if (r === 'accepted') continue;
      expect(r.status, `${method}: ${r.message}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method}: ${r.message}`).toBeLessThan(500);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      total++;
    }
    expect(contentHash(backend.ctx.store.db)).toBe(before);
    expect(internalErrors).toEqual([]);
    void reportId;
  });

  it('leaves Object.prototype untouched, and reports how many cases ran', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`fuzz: ${total} hostile calls over ${methodNames.length} methods, all refused with a 4xx, database unchanged`);
    expect(total).toBeGreaterThanOrEqual(methodNames.length * RUNS_PER_METHOD);
  });
});
