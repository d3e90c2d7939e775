/**
 * Where exported bytes go: a Chinese file name the user recognises, and — when the desktop app
 * chose a destination — a write that either completes or leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ReviewDeskError } from '../../core/errors';
import { safeFileName } from '../../core/common/fileName';
import type { ExportResult } from '../contract/drafts';

import type { ExportFormat } from '../../core/common/vocabulary';
export type { ExportFormat };

export const FORMAT_FILE: Record<ExportFormat, { ext: string; also: string[]; mime: string; label: string }> = {
  docx: { ext: '.docx', also: [], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' },
  markdown: { ext: '.md', also: ['.markdown', '.txt'], mime: 'text/markdown;charset=utf-8', label: 'Markdown' },
  csv: { ext: '.csv', also: [], mime: 'text/csv;charset=utf-8', label: 'CSV 表格' },
  webAnnotation: { ext: '.jsonld', also: ['.json'], mime: 'application/ld+json', label: 'Web Annotation' },
  zip: { ext: '.zip', also: [], mime: 'application/zip', label: 'ZIP 压缩包' },
  xlsx: { ext: '.xlsx', also: [], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' },
};

export { safeFileName };

const REASONS = new Map<string, string>(
  Object.entries({
    ENOENT: '文件夹不存在',
    ENOTDIR: '路径中有一部分不是文件夹',
    EACCES: '没有写入这个文件夹的权限',
    EPERM: '没有写入这个文件夹的权限',
    EROFS: '磁盘是只读的',
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已用完',
    EISDIR: '同名的文件夹已存在',
    EBUSY: '文件正被其他程序打开（例如 Word），请关闭后重试',
    ETXTBSY: '文件正被其他程序打开，请关闭后重试',
    ENAMETOOLONG: '文件名太长',
  }),
);

/** Why a write failed, in words the user can act on. */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  return REASONS.get(code) ?? `系统错误 ${code || String(e)}`;
}

/** Checks that the chosen file name ends as the format's files do (a .docx saved as .md would not open). */
export function checkExtension(destination: string, format: ExportFormat): void {
  const f = FORMAT_FILE[format];
  const ext = extname(destination).toLowerCase();
  if (ext !== f.ext && !f.also.includes(ext)) {
    throw new ReviewDeskError('export/wrong-extension', `${f.label}的文件名应以 ${f.ext} 结尾，请重新选择保存位置。`);
  }
}

/**
 * Writes to a temporary file in the same folder, flushes it to disk, then renames it over the
 * destination: a failed or interrupted write (a full disk, a pulled USB stick) never leaves a
 * half-written file under the real name. On failure the temporary file is removed and the
 * system error rethrown, for the caller to word for what it was saving.
 */
export async function writeAtomically(destination: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(destination), `.${basename(destination)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, destination);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function writeExport(destination: string, format: ExportFormat, bytes: Uint8Array): Promise<ExportResult> {
  checkExtension(destination, format);
  try {
    await writeAtomically(destination, bytes);
  } catch (e) {
    throw new ReviewDeskError('export/write-failed', `无法写入“${destination}”：${reasonOf(e)}。意见稿没有受影响。`);
  }
  return { path: destination, fileName: basename(destination), mime: FORMAT_FILE[format].mime };
}

export function inlineExport(fileName: string, format: ExportFormat, bytes: Uint8Array): ExportResult {
  return { fileName, mime: FORMAT_FILE[format].mime, dataBase64: Buffer.from(bytes).toString('base64') };
}
