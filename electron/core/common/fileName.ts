/**
 * File names the app proposes or writes: one rule for exports, backups and the save dialog's
 * suggestion, so a name that is safe in one place is safe in all of them.
 */

const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** ≤ 80 characters before the extension: Chinese is 3 bytes a character, file systems allow 255. */
const MAX_STEM_CHARS = 80;

/**
 * A file name safe on Windows, macOS and Linux: no reserved characters, path separators or
 * control codes, no leading/trailing dots or spaces, not a device name, short enough everywhere.
 */
export function safeFileName(stem: string, ext: string, fallback = '导出'): string {
  let s = stem
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...s];
  if (chars.length > MAX_STEM_CHARS)
    s = chars
      .slice(0, MAX_STEM_CHARS)
      .join('')
      .replace(/[\s.]+$/g, '');
  if (!s) return `${fallback}${ext}`;
  if (RESERVED_ON_WINDOWS.test(s)) s = `${fallback}_${s}`;
  return s + ext;
}

/** A name suggested by the renderer is a name, never a path: its last segment, made safe. */
export function suggestedFileName(name: string): string {
  const last = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(last)?.[0] ?? '';
  const stem = last.slice(0, last.length - ext.length);
  // "..", "." and a bare ".txt" have no name of their own
  return stem.replace(/^[\s.]+|[\s.]+$/g, '') ? safeFileName(stem, ext, '未命名') : '未命名';
}
