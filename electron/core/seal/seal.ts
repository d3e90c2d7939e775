/**
 * Sealed files: what leaves the machine on a USB stick (an exchange bundle, an exported backup)
 * can be locked with a passphrase. node:crypto only — scrypt derives a key from the passphrase,
 * AES-256-GCM encrypts and authenticates. The passphrase is an argument and nothing more: it is
 * never stored, logged or put in an error message.
 *
 * Layout (all integers unsigned, big-endian; the whole header is GCM additional data, so a
 * changed parameter or a swapped salt fails authentication like a changed ciphertext byte):
 *
 *   offset  size  field
 *        0     8  magic "RDSEALED"
 *        8     1  format version (1: scrypt + AES-256-GCM)
 *        9     1  log2 of scrypt N
 *       10     1  scrypt r
 *       11     1  scrypt p
 *       12     8  plaintext length (so a file cut short is told apart from a wrong passphrase)
 *       20    16  scrypt salt (random per file)
 *       36    12  GCM nonce (random per file)
 *       48     …  ciphertext (same length as the plaintext)
 *   end-16    16  GCM tag
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { ReviewDeskError } from '../errors';

export const SEAL_MAGIC = Buffer.from('RDSEALED', 'ascii');
export const SEAL_VERSION = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const LENGTH_AT = SEAL_MAGIC.length + 4;
const SALT_AT = LENGTH_AT + 8;
const NONCE_AT = SALT_AT + SALT_BYTES;
export const SEAL_HEADER_BYTES = NONCE_AT + NONCE_BYTES; // 48
export const SEAL_OVERHEAD_BYTES = SEAL_HEADER_BYTES + TAG_BYTES; // 64

/** The UI asks for at least this many characters; the contract checks it too. */
export const MIN_PASSPHRASE_LENGTH = 6;
export const MAX_PASSPHRASE_LENGTH = 1024;

export interface ScryptParams {
  /** log2 of N (CPU/memory cost) */
  logN: number;
  r: number;
  p: number;
}

/** ~32 MB and ~0.1 s on a laptop: slow enough against guessing, fast enough for one file. */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 1 };

/**
 * What a file may ask for. A hostile header could name N = 2^40 to make the app allocate and
 * compute forever; anything outside these bounds is refused before any key is derived.
 * The ceiling is 8 × the default work and 128 MB of memory.
 */
const LIMITS = {
  logN: [10, 20],
  r: [1, 32],
  p: [1, 16],
  maxMemory: 128 * 1024 * 1024,
  maxWork: 8 * 2 ** DEFAULT_SCRYPT.logN * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p,
} as const;

const scryptMemory = ({ logN, r }: ScryptParams) => 128 * 2 ** logN * r;

function paramsAcceptable(params: ScryptParams): boolean {
  const { logN, r, p } = params;
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!within(logN, LIMITS.logN) || !within(r, LIMITS.r) || !within(p, LIMITS.p)) return false;
  return scryptMemory(params) <= LIMITS.maxMemory && 2 ** logN * r * p <= LIMITS.maxWork;
}

function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  // NFC: the same passphrase typed with another input method or OS must give the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // maxmem just above what these parameters need: Node refuses instead of allocating more.
  const options: ScryptOptions = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: scryptMemory(params) + 1024 * 1024 };
  // The asynchronous form runs on libuv's thread pool, so the main process keeps answering.
  return new Promise((resolve, reject) => scryptCallback(secret, salt, KEY_BYTES, options, (e, key) => (e ? reject(e) : resolve(key))));
}

/** Whether the bytes start like a sealed file (a cheap check; unseal verifies everything). */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= SEAL_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ReviewDeskError('seal/weak-passphrase', `口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符。`);
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) throw new ReviewDeskError('seal/weak-passphrase', '口令太长。');
}

/** Encrypts `bytes` under `passphrase`. `params` is for tests that need a cheaper key derivation. */
export async function seal(bytes: Uint8Array, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  if (!paramsAcceptable(params)) throw new Error(`seal: scrypt parameters out of range: ${JSON.stringify(params)}`);
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(bytes.length));
  const header = Buffer.concat([SEAL_MAGIC, Buffer.from([SEAL_VERSION, params.logN, params.r, params.p]), length, salt, nonce]);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  key.fill(0);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** What unseal refuses, for callers that word the refusal for their kind of file. */
export const SEAL_ERRORS = {
  notSealed: 'seal/not-sealed',
  truncated: 'seal/truncated',
  corrupt: 'seal/corrupt',
  tooNew: 'seal/too-new',
  badParams: 'seal/bad-header',
  wrongPassphrase: 'seal/wrong-passphrase',
} as const;

/**
 * Decrypts a sealed file. Throws a ReviewDeskError (Chinese message) for a file that is not
 * sealed, is cut short, comes from a newer format, asks for absurd key-derivation work, or
 * fails authentication — a wrong passphrase and a changed byte look the same to GCM.
 */
export async function unseal(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  if (!isSealed(bytes)) throw new ReviewDeskError(SEAL_ERRORS.notSealed, '这不是加了口令的审议台文件。');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () => new ReviewDeskError(SEAL_ERRORS.truncated, '文件不完整（可能没有复制完），无法打开。请重新复制一份再试。');
  if (buf.length <= SEAL_MAGIC.length) throw truncated();
  const version = buf[SEAL_MAGIC.length];
  if (version > SEAL_VERSION) {
    throw new ReviewDeskError(SEAL_ERRORS.tooNew, `这个文件由更新版本的审议台加密（格式版本 ${version}），请先升级审议台。`);
  }
  if (version !== SEAL_VERSION) throw new ReviewDeskError(SEAL_ERRORS.badParams, '文件头已损坏，无法打开。');
  if (buf.length < SEAL_OVERHEAD_BYTES) throw truncated();
  const params: ScryptParams = { logN: buf[SEAL_MAGIC.length + 1], r: buf[SEAL_MAGIC.length + 2], p: buf[SEAL_MAGIC.length + 3] };
  // Before any work: a hostile header must not make the app spend minutes or gigabytes.
  if (!paramsAcceptable(params)) throw new ReviewDeskError(SEAL_ERRORS.badParams, '文件头的加密参数异常，不像审议台生成的文件，已拒绝打开。');
  const declared = buf.readBigUInt64BE(LENGTH_AT);
  const actual = BigInt(buf.length - SEAL_OVERHEAD_BYTES);
  if (declared > actual) throw truncated();
  if (declared < actual) throw new ReviewDeskError(SEAL_ERRORS.corrupt, '文件已损坏（长度与记录不符），无法打开。');
  const header = buf.subarray(0, SEAL_HEADER_BYTES);
  const salt = header.subarray(SALT_AT, NONCE_AT);
  const nonce = header.subarray(NONCE_AT, SEAL_HEADER_BYTES);
  const body = buf.subarray(SEAL_HEADER_BYTES, buf.length - TAG_BYTES);
  const tag = buf.subarray(buf.length - TAG_BYTES);
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > MAX_PASSPHRASE_LENGTH) throw wrongPassphrase();
  const key = await deriveKey(passphrase, salt, params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw wrongPassphrase();
  } finally {
    key.fill(0);
  }
}

function wrongPassphrase(): ReviewDeskError {
  return new ReviewDeskError(
    SEAL_ERRORS.wrongPassphrase,
    '口令不正确，无法打开这个文件。请核对口令（区分大小写）后重试；如果口令确实无误，文件可能已损坏或被改动过。',
  );
}
