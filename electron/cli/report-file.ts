/** Read a report file named on the command line into blocks, with a Chinese error when it is missing. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ReviewDeskError } from '../core/errors';
import { importReportBytes, type ParsedReport } from '../core/report/index';

export function loadReportFile(path: string | undefined, usage: string): ParsedReport {
  if (!path) throw new ReviewDeskError('cli/usage', `缺少报告文件。用法：${usage}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ReviewDeskError('cli/file-not-found', `找不到或无法读取文件：${path}`);
  }
  return importReportBytes(bytes, basename(path));
}
