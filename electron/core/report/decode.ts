/**
 * Bytes → text for .txt/.md files, detecting the encoding without being told: BOMs first,
 * then UTF-16/UTF-32 without a BOM (told by their NUL bytes), then strict UTF-8, then the legacy
 * code pages: GB18030 (a superset of GBK/GB2312, what Chinese Windows saves as "ANSI") or Big5,
 * whichever reads as Chinese.
 */
import iconv from 'iconv-lite';
import { binaryError, hasNulByte } from './limits';

export interface DecodedText {
  text: string;
  /** 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gb18030' | 'big5' */
  encoding: string;
  /** The file started with a byte order mark. */
  bom: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How much of a decoded sample reads as Chinese text: CJK ideographs and punctuation, full-width
 * forms, printable ASCII and line breaks. A wrong guess of UTF-16/UTF-32 byte order gives
 * characters from unrelated scripts and scores low.
 */
function plausibility(text: string): number {
  const n = Math.min(text.length, 4096);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x20 && c <= 0x7e) ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0xa0 && c <= 0xff) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0xf900 && c <= 0xfaff)
    )
      good++;
  }
  return good / n;
}

const SAMPLE = 8192;

/**
 * UTF-16 or UTF-32 without a BOM still betrays itself: NUL bytes (ASCII characters, and CJK
 * characters such as 一 U+4E00, have a zero byte), which plain text in a byte encoding never has.
 * Each candidate byte order is decoded on a sample and the one that reads as Chinese text wins.
 */
function guessWideEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  if (!hasNulByte(bytes, SAMPLE)) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE) & ~3);
  const candidates = ['utf-32le', 'utf-32be', 'utf-16le', 'utf-16be'] as const;
  let best: (typeof candidates)[number] | null = null;
  let bestScore = 0.9;
  for (const enc of candidates) {
    if (enc.startsWith('utf-32') && !looksUtf32(sample, enc === 'utf-32le')) continue;
    const score = plausibility(decodeWide(sample, enc));
    if (score > bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}

/** UTF-32 text (BMP characters) has two zero bytes in every four, always at the same place. */
function looksUtf32(bytes: Uint8Array, le: boolean): boolean {
  if (bytes.length < 8) return false;
  const hi = le ? 3 : 0;
  const mid = le ? 2 : 1;
  let mids = 0;
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    if (bytes[i + hi] !== 0) return false;
    if (bytes[i + mid] === 0) mids++;
  }
  return mids >= (bytes.length / 4) * 0.9;
}

function decodeWide(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): string {
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const body = bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes;
    return new TextDecoder(enc).decode(body);
  }
  const body = bytes.subarray(0, bytes.length & ~3);
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), enc === 'utf-32le' ? 'utf32le' : 'utf32be');
}

/**
 * Characters that fill any Chinese report (the most frequent in government reports), in both
 * simplified and traditional forms. Text decoded with the wrong legacy code page is mojibake:
 * valid characters, but rarely these.
 */
const COMMON =
  '业化发和展大加国进实新建动推全力政的工强产持人设中高增民制一重作生保等务体区行城经市施能提深地改资会要量治平优好合开家长创坚理主成企济策支项定质面有稳入造水基善性年度服以快点不完目用域农育个社效升技代上出村为统方领机共府在同系公安革现科续落标规各心战三文乡防教投态风法本环型促融数品金积外部护省级对我学精更万自应引元期协程色险打费医构结是通健县极障向准多就活监亿管调四流群导分关源场势党境范特字解收消放才筹事决总供际做贸综习二绿养转略办商居电小培扩控预镇内局兴老专率利求立财题整议础固台义第贯任近下取们时先严抓步运果需十神表营集链央格网众口式术房复军彻扎交路信争确批核着康备示过试位类碳低把五减意' +
  '業發國進實動強產設務體區經資會優開長創堅濟項質穩點農個為統領機現續標規戰鄉態風環數積護級對學萬應協險費醫構結縣極準監億調導關場勢黨範籌決總際貿綜習綠養轉辦電擴預鎮內興專財題議礎臺義貫們時嚴運營鏈網眾術復軍徹爭確著備過試類減' +
  '，。、；：？！“”（）《》';
const COMMON_SET = new Set(COMMON);

/** How well a decoding reads: common characters count for it, private-use and replacement characters against. */
function legacyScore(text: string): number {
  let score = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (COMMON_SET.has(ch)) score++;
    else {
      const c = text.charCodeAt(i);
      if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) score -= 3;
    }
  }
  return score;
}

/** Not UTF-8: a Windows "ANSI" file, GB18030 (GBK/GB2312) on the mainland, Big5 in traditional-script copies. */
function decodeLegacy(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sample = buf.subarray(0, Math.min(buf.length, 64 * 1024));
  const gb = legacyScore(iconv.decode(sample, 'gb18030'));
  const big5 = legacyScore(iconv.decode(sample, 'big5'));
  const encoding = big5 > gb ? 'big5' : 'gb18030';
  return { text: iconv.decode(buf, encoding), encoding, bom: false };
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

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): DecodedText {
  let result: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    result = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe, 0, 0])) {
    // Checked before UTF-16 LE, whose BOM is its first half.
    result = { text: decodeWide(bytes.subarray(4), 'utf-32le'), encoding: 'utf-32le', bom: true };
  } else if (startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    result = { text: decodeWide(bytes.subarray(4), 'utf-32be'), encoding: 'utf-32be', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    result = { text: decodeWide(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    result = { text: decodeWide(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  } else {
    const wide = guessWideEncoding(bytes);
    if (wide) {
      result = { text: decodeWide(bytes, wide), encoding: wide, bom: false };
    } else {
      if (hasNulByte(bytes)) throw binaryError();
      try {
        result = { text: strictUtf8.decode(bytes), encoding: 'utf-8', bom: false };
      } catch {
        result = decodeLegacy(bytes);
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
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
  gb18030: 'GB18030/GBK',
  big5: 'Big5（繁体）',
};

export function encodingLabel(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}
