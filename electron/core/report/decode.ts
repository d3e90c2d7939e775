/**
 * Bytes → text for .txt/.md files, detecting the encoding without being told: BOMs first,
 * then strict UTF-8, then GB18030 (a superset of GBK/GB2312, what Chinese Windows saves as "ANSI").
 */
import iconv from 'iconv-lite';
import { binaryError, hasNulByte } from './limits';

export interface DecodedText {
  text: string;
  /** 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' */
  encoding: string;
  /** The file started with a byte order mark. */
  bom: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-16 without a BOM still betrays itself: ASCII characters put NUL in every other byte. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.2 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros === 0) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, le: boolean): string {
  const body = bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes;
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(body);
}

/** Too many control characters (other than tab/newlines/form feed) means this was never text. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 20000);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad > Math.max(2, n * 0.01);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let result: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    result = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    result = { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    result = { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  } else {
    const utf16 = guessBomlessUtf16(bytes);
    if (utf16) {
      result = { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, bom: false };
    } else {
      if (hasNulByte(bytes)) throw binaryError();
      try {
        result = { text: strictUtf8.decode(bytes), encoding: 'utf-8', bom: false };
      } catch {
        result = { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030', bom: false };
      }
    }
  }
  if (looksBinary(result.text)) throw binaryError();
  return result;
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030/GBK',
};

export function encodingLabel(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}
