/**
 * Input guards: what the importer refuses before spending time on a file, and why (in Chinese,
 * shown to the user as is).
 */
import { ReviewDeskError } from '../errors';

/** Largest report file accepted. A long report is ~100 KB; 20 MB leaves room for images in a docx. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Cap on decompressed docx content: beyond this a small file is a zip bomb, not a report. */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

export type Magic = 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'pdf' | 'webp' | 'bmp' | 'rar' | '7z' | 'gzip' | null;

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** Recognise a file by its first bytes, whatever its name says. */
export function sniffMagic(bytes: Uint8Array): Magic {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[6] === 0 && bytes[7] === 0) return 'bmp';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  return null;
}

const MAGIC_NAMES: Record<Exclude<Magic, null>, string> = {
  zip: '压缩包',
  ole: '旧版 Office 或加密文档',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  pdf: 'PDF 文件',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gzip: 'gzip 压缩包',
};

export function assertNotEmpty(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ReviewDeskError('import/empty', '文件是空的，没有可导入的内容。');
}

/** Takes the byte count so a file on disk can be refused before it is read. */
export function assertSize(byteLength: number): void {
  if (byteLength > MAX_FILE_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    throw new ReviewDeskError('import/too-large', `文件太大（${mb} MB），报告文件不能超过 20 MB。`);
  }
}

/** A text file must not be an image, PDF or archive under a .txt/.md name. */
export function assertTextLike(bytes: Uint8Array): void {
  const magic = sniffMagic(bytes);
  if (magic === 'zip') {
    throw new ReviewDeskError('import/binary', '这个文件实际上是压缩包或 Word 文档，不是纯文本。如果是 Word 文件，请使用 .docx 扩展名导入。');
  }
  if (magic) throw new ReviewDeskError('import/binary', `这个文件是${MAGIC_NAMES[magic]}，不是文本文件，无法作为报告导入。`);
}

/** Plain text never contains NUL; a NUL outside UTF-16 means binary content. */
export function hasNulByte(bytes: Uint8Array, limit = 64 * 1024): boolean {
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function binaryError(): ReviewDeskError {
  return new ReviewDeskError('import/binary', '文件内容不是文本（含有二进制数据），可能是图片或其他格式，无法作为报告导入。');
}
