/**
 * Child process for the crash and damage tests: runs the real back end on a data folder and writes
 * through dispatch, printing each write only after the call returned (= committed). The parent
 * kills it with SIGKILL, so the database is left the way a crash leaves it: open, -wal not
 * checkpointed.
 *
 *   node crash-writer.cjs stress <dataDir> <resourcesDir> <bundlesDir> <seed>
 *     writes as fast as it can, a seeded mix: annotations, drafts created and updated, exchange
 *     bundles imported (<bundlesDir>/<k>.reviewdesk), backups restored.
 *   node crash-writer.cjs hold <dataDir> <resourcesDir>
 *     three annotations and a draft, a backup, three more annotations, then waits to be killed.
 *
 * Lines on stdout (one event each):
 *   P <journal_mode> <synchronous>   the live connection's pragmas (at start and after a restore)
 *   R <message>                      the back end started in the recovery state (then exits)
 *   A <id>                           annotation created
 *   DC <id> <n> / DU <id> <n>         draft created / updated; its title ends in 第<n>稿
 *   B <k>                            bundle k imported
 *   RB <name> <json>                 restore of backup <name> starts; json = what it holds:
 *                                    { a: annotation ids, d: { draft id: n } }
 *   RD <name>                        restore done
 *   BK <name> <walBytes>             (hold) backup made; the -wal's size at that moment
 *   READY                            (hold) all written, waiting
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend, DATABASE_FILE, type Backend } from '../../electron/api/app';
import { dispatchCall, type Call } from './call';
import { backupFolder } from '../../electron/core/store/backup';
import { openPlainDatabase } from '../../electron/core/store/db';

const DRAFT_REVISION = /第(\d+)稿$/;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printPragmas(backend: Backend): void {
  const db = backend.ctx.store.db;
  print(`P ${String(db.pragma('journal_mode', { simple: true }))} ${String(db.pragma('synchronous', { simple: true }))}`);
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Doc {
  versionId: string;
  blocks: { id: string; text: string }[];
}

async function openDoc(call: Call): Promise<Doc> {
  const { startVersionId } = await call('app.info', {});
  if (!startVersionId) throw new Error('crash-writer: no report to open');
  const doc = await call('reports.get', { versionId: startVersionId });
  return { versionId: doc.version.id, blocks: doc.blocks.filter((b) => b.text.length > 30) };
}

function target(b: { id: string; text: string }, at: number) {
  const start = at % 10;
  return { blockId: b.id, start, end: start + 10, exact: b.text.slice(start, start + 10), prefix: '', suffix: '' };
}

async function annotate(call: Call, doc: Doc, i: number): Promise<string> {
  const b = doc.blocks[i % doc.blocks.length];
  const a = await call('annotations.create', {
    versionId: doc.versionId,
    color: 'yellow',
    note: `第 ${i} 条压力测试批注`,
    tags: [`轮次${i % 7}`],
    targets: [target(b, i)],
  });
  return a.id;
}

/** What a backup holds, read before restoring it: the parent then knows which state to expect. */
function backupContents(file: string): { a: string[]; d: Record<string, number> } {
  const db = openPlainDatabase(file, { readonly: true });
  try {
    const a = (db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id);
    const d: Record<string, number> = {};
    for (const r of db.prepare('SELECT id, title FROM drafts WHERE deleted_at IS NULL').all() as { id: string; title: string }[]) {
      d[r.id] = Number(DRAFT_REVISION.exec(r.title)?.[1] ?? 0);
    }
    return { a, d };
  } finally {
    db.close();
  }
}

async function stress(dataDir: string, resourcesDir: string, bundlesDir: string, seed: number) {
  // Short backup debounce and a backup at start: kills also land in the middle of backups.
  const backend = startBackend({ dataDir, resourcesDir, platform: 'web', version: 'crash-test', backupDelayMs: 40, backupAtStart: 0, log: () => {} });
  const call: Call = dispatchCall(
    () => backend.handlers,
    (e) => console.error(e),
  );
  printPragmas(backend);
  const info = await call('app.info', {});
  if (info.recovery) {
    print(`R ${info.recovery.message}`);
    process.exit(3);
  }
  const random = rng(seed);
  let doc = await openDoc(call);
  let drafts: { id: string; n: number }[] = [];
  const bundles = [0, 1, 2, 3].map((k) => readFileSync(join(bundlesDir, `${k}.reviewdesk`)).toString('base64'));
  for (let i = 0; ; i++) {
    const r = random();
    if (r < 0.025) {
      // restore one of the newest backups (rotation keeps the newest ten, so it is still there)
      const list = (await call('backups.list', {})) as { name: string }[];
      if (list.length) {
        const name = list[Math.floor(random() * Math.min(5, list.length))].name;
        print(`RB ${name} ${JSON.stringify(backupContents(join(backupFolder(dataDir), name)))}`);
        await call('backups.restore', { name });
        print(`RD ${name}`);
        printPragmas(backend);
        doc = await openDoc(call);
        drafts = [];
      }
    } else if (r < 0.075) {
      const k = Math.floor(random() * bundles.length);
      await call('bundles.import', { fileName: `${k}.reviewdesk`, dataBase64: bundles[k] });
      print(`B ${k}`);
    } else if (r < 0.16 || (r < 0.36 && drafts.length === 0)) {
      const b = doc.blocks[(i * 7) % doc.blocks.length];
      const d = await call('drafts.create', { versionId: doc.versionId, kind: 'opinion', title: `压力测试意见稿 第1稿`, targets: [target(b, i)] });
      drafts.push({ id: d.id, n: 1 });
      print(`DC ${d.id} 1`);
    } else if (r < 0.36) {
      const d = drafts[Math.floor(random() * drafts.length)];
      const n = d.n + 1;
      await call('drafts.update', { id: d.id, title: `压力测试意见稿 第${n}稿`, fields: { content: `第 ${n} 次修改的意见内容。`.repeat(1 + (n % 5)) } });
      d.n = n;
      print(`DU ${d.id} ${n}`);
    } else {
      print(`A ${await annotate(call, doc, i)}`);
    }
    // let timers (the debounced backup) and I/O run between writes, as in the real app
    if (i % 4 === 0) await new Promise((r) => setImmediate(r));
    // now and then a pause longer than the debounce, so backups start and writes resume during them
    if (i % 40 === 39) await new Promise((r) => setTimeout(r, 60));
  }
}

async function hold(dataDir: string, resourcesDir: string) {
  // No backups of its own: the one made on purpose is the only one, taken between known writes.
  const backend = startBackend({
    dataDir,
    resourcesDir,
    platform: 'web',
    version: 'crash-test',
    backupDelayMs: 3_600_000,
    backupAtStart: false,
    log: () => {},
  });
  const call: Call = dispatchCall(
    () => backend.handlers,
    (e) => console.error(e),
  );
  printPragmas(backend);
  const info = await call('app.info', {});
  if (info.recovery) {
    print(`R ${info.recovery.message}`);
    process.exit(3);
  }
  const doc = await openDoc(call);
  for (let i = 0; i < 3; i++) print(`A ${await annotate(call, doc, i)}`);
  const d = await call('drafts.create', { versionId: doc.versionId, kind: 'opinion', title: '备份前的意见稿 第1稿', targets: [target(doc.blocks[5], 0)] });
  print(`DC ${d.id} 1`);
  const backup = await call('backups.create', {});
  print(`BK ${backup.name} ${statSync(join(dataDir, `${DATABASE_FILE}-wal`)).size}`);
  for (let i = 3; i < 6; i++) print(`A ${await annotate(call, doc, i)}`);
  print('READY');
  setInterval(() => {}, 1000);
}

async function main() {
  const [mode, dataDir, resourcesDir, bundlesDir, seed] = process.argv.slice(2);
  if (mode === 'stress') await stress(dataDir, resourcesDir, bundlesDir, Number(seed));
  else if (mode === 'hold') await hold(dataDir, resourcesDir);
  else throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
