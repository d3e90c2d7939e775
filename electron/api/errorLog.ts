/**
 * Where unexpected failures go: the stack to a log file in the data folder (for whoever is asked
 * to help), one Chinese line to the console. The user never sees a stack, in the window or in
 * the terminal that runs the browser host.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { consoleLine } from './failures';

/** The log is rotated once it passes this size (one old copy is kept). */
const MAX_LOG_BYTES = 1024 * 1024;

export function errorLogFile(dataDir: string): string {
  return join(dataDir, 'logs', 'errors.log');
}

export function createErrorLog(dataDir: string, write: (line: string) => void = (l) => console.error(l)): (e: unknown) => void {
  const file = errorLogFile(dataDir);
  return (e) => {
    let logged = false;
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      try {
        if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      } catch {}
      const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
      appendFileSync(file, `[${new Date().toISOString()}] ${detail}\n`);
      logged = true;
    } catch {
      // a read-only or full data folder: the console line below is all we can do
    }
    write(`${consoleLine(e)}${logged ? `详细信息已记录在 ${file}` : ''}`);
  };
}
