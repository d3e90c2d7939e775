/** Read a report file named on the command line, as the app imports it (any format, PDF too), with a Chinese error when it is missing or too large. */
import { ReviewDeskError } from '../core/errors';
import { importReportFileAsync, type ParsedReport } from '../core/report/index';

export async function loadReportFile(path: string | undefined, usage: string): Promise<ParsedReport> {
  if (!path) throw new ReviewDeskError('cli/usage', `缺少报告文件。用法：${usage}`);
  // The core reader refuses a missing or oversized file before reading it into memory.
  return importReportFileAsync(path);
}
