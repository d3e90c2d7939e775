/**
 * `npm run web -- --port P --data DIR`: the real app in any browser, for e2e tests and for
 * anyone without Electron. Prints one line with the URL (token included) when ready.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBackend } from '../api/app';
import { createHostServer } from './server';
import { isReviewDeskError } from '../core/errors';
import { createErrorLog } from '../api/errorLog';
import { consoleLine } from '../api/failures';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function defaultDataDir(): string {
  return process.env.REVIEWDESK_DATA ?? join(homedir(), '.reviewdesk');
}

async function main() {
  const port = Number(arg('port') ?? process.env.PORT ?? 5174);
  const dataDir = resolve(arg('data') ?? defaultDataDir());
  const root = resolve(__dirname, '..', '..');
  const token = process.env.REVIEWDESK_TOKEN ?? randomBytes(24).toString('base64url');
  const log = createErrorLog(dataDir);
  const backend = startBackend({ dataDir, resourcesDir: join(root, 'resources'), platform: 'web', version: process.env.npm_package_version ?? '0.1.0', log });
  const server = createHostServer({ handlers: backend.handlers, token, staticDir: join(root, 'out', 'renderer'), log });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `审议台：端口 ${port} 已被占用，请用 --port 换一个端口。` : consoleLine(e));
    backend.close();
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const addr = server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    console.log(`ReviewDesk web host: http://127.0.0.1:${actual}/?token=${token}`);
  });
  const stop = () => {
    server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  // A start that fails (read-only or missing data folder, a newer data file) says why in Chinese.
  console.error(isReviewDeskError(e) ? `审议台：${e.message}` : consoleLine(e));
  process.exit(1);
});
