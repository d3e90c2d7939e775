/**
 * Child process for the crash test: runs the real back end on a data folder and creates
 * annotations through dispatch as fast as it can, printing each id only after the call returned
 * (= committed). The parent kills it with SIGKILL at a random moment.
 * Usage: node crash-writer.cjs <dataDir> <resourcesDir>
 */
import { startBackend } from '../../electron/api/app';
import { dispatch } from '../../electron/api/dispatch';

async function main() {
  const [dataDir, resourcesDir] = process.argv.slice(2);
  // Short backup debounce and a backup at start: kills also land in the middle of backups.
  const backend = startBackend({ dataDir, resourcesDir, platform: 'web', version: 'crash-test', backupDelayMs: 40, backupAtStart: 0, log: () => {} });
  const call = (m: string, a: unknown) => dispatch(backend.handlers, m, a, (e) => console.error(e)) as Promise<any>;
  const info = await call('app.info', {});
  const doc = await call('reports.get', { versionId: info.startVersionId });
  const blocks = (doc.blocks as { id: string; text: string }[]).filter((b) => b.text.length > 20);
  for (let i = 0; ; i++) {
    const b = blocks[i % blocks.length];
    const a = await call('annotations.create', {
      versionId: doc.version.id,
      color: 'yellow',
      note: `第 ${i} 条压力测试批注`,
      tags: [`轮次${i % 7}`],
      targets: [{ blockId: b.id, start: 0, end: 10, exact: b.text.slice(0, 10), prefix: '', suffix: b.text.slice(10, 30) }],
    });
    process.stdout.write(`${a.id}\n`);
    // let timers (the debounced backup) and I/O run between writes, as in the real app
    if (i % 4 === 0) await new Promise((r) => setImmediate(r));
    // now and then a pause longer than the debounce, so backups start and writes resume during them
    if (i % 40 === 39) await new Promise((r) => setTimeout(r, 60));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
