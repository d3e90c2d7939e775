import { describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ReviewDeskError } from '../../../electron/core/errors';
import { DEFAULT_SCRYPT, SEAL_HEADER_BYTES, SEAL_OVERHEAD_BYTES, isSealed, seal, unseal, type ScryptParams } from '../../../electron/core/seal/seal';

// Count key derivations, to show hostile headers are refused before any work is done.
const scryptCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    scrypt: (...args: Parameters<typeof real.scrypt>) => {
      scryptCalls.n++;
      return (real.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

/** Cheap derivation for tests that unseal many times; the format and checks are the same. */
const FAST: ScryptParams = { logN: 10, r: 8, p: 1 };
const text = (s: string) => Buffer.from(s, 'utf8');
const PASS = '征求意见稿-2025';

async function refusal(bytes: Uint8Array, passphrase = PASS): Promise<ReviewDeskError> {
  try {
    await unseal(bytes, passphrase);
  } catch (e) {
    expect(e).toBeInstanceOf(ReviewDeskError);
    return e as ReviewDeskError;
  }
  throw new Error('expected unseal to refuse');
}

describe('seal / unseal', () => {
  it('round-trips bytes with the default parameters, and the sealed bytes do not contain them', async () => {
    const plain = text('内部意见：第三部分的增速目标建议下调。'.repeat(50));
    const sealed = await seal(plain, PASS);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(plain)).toBe(false);
    expect(sealed.length).toBe(plain.length + SEAL_OVERHEAD_BYTES);
    expect(Buffer.from(sealed).includes(text('增速目标'))).toBe(false);
    expect(Buffer.from(sealed).subarray(0, 8).toString('latin1')).toBe('RDSEALED');
    expect([...sealed.subarray(8, 12)]).toEqual([1, DEFAULT_SCRYPT.logN, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p]);
    expect(Buffer.from(await unseal(sealed, PASS))).toEqual(plain);
  });

  it('round-trips empty and binary contents; two seals of the same bytes differ (fresh salt and nonce)', async () => {
    expect(Buffer.from(await unseal(await seal(new Uint8Array(0), PASS, FAST), PASS))).toEqual(Buffer.alloc(0));
    const binary = randomBytes(300_000);
    const a = await seal(binary, PASS, FAST);
    const b = await seal(binary, PASS, FAST);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(await unseal(b, PASS))).toEqual(binary);
  });

  it('treats the same Chinese passphrase typed in another Unicode form as the same passphrase', async () => {
    const composed = '口令é设置好了';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const sealed = await seal(text('x'), composed, FAST);
    expect(Buffer.from(await unseal(sealed, decomposed)).toString()).toBe('x');
  });

  it('refuses a wrong passphrase with a plain Chinese message, and never echoes the passphrase', async () => {
    const sealed = await seal(text('未提交的意见'), PASS, FAST);
    for (const wrong of ['征求意见稿-2024', PASS.toUpperCase() + 'x', ' ' + PASS, 'a']) {
      const e = await refusal(sealed, wrong);
      expect(e.code).toBe('seal/wrong-passphrase');
      expect(e.message).toMatch(/^口令不正确，无法打开这个文件。/);
      expect(e.message).not.toContain(wrong);
    }
  });

  it('refuses a passphrase shorter than six characters when sealing', async () => {
    await expect(seal(text('x'), '12345', FAST)).rejects.toMatchObject({ code: 'seal/weak-passphrase' });
    await expect(seal(text('x'), '', FAST)).rejects.toMatchObject({ code: 'seal/weak-passphrase' });
    // six Chinese characters are six characters
    await expect(seal(text('x'), '人民代表大会', FAST)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses the file when any single byte anywhere was changed', async () => {
    const sealed = Buffer.from(await seal(text('附件：修改意见汇总'), PASS, FAST));
    const codes = new Set<string>();
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] ^= 0x01;
      const e = await refusal(tampered);
      codes.add(e.code);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // magic → not sealed; version, params, length → header refusals; salt, nonce, body, tag → GCM
    expect([...codes].sort()).toEqual(['seal/bad-header', 'seal/corrupt', 'seal/not-sealed', 'seal/truncated', 'seal/wrong-passphrase']);
  });

  it('says a file cut short is incomplete (at every length), and extra bytes at the end are damage', async () => {
    const sealed = Buffer.from(await seal(text('一段需要完整到达的内容'), PASS, FAST));
    for (let n = 0; n < sealed.length; n++) {
      const e = await refusal(sealed.subarray(0, n));
      if (n < 8) {
        expect(e.code).toBe('seal/not-sealed'); // not even the magic: callers treat it as some other file
      } else {
        expect(e.code).toBe('seal/truncated');
        expect(e.message).toContain('文件不完整');
      }
    }
    expect((await refusal(Buffer.concat([sealed, Buffer.from([0])]))).code).toBe('seal/corrupt');
  });

  it('refuses absurd key-derivation parameters from a hostile header before deriving anything', async () => {
    const sealed = Buffer.from(await seal(text('x'), PASS, FAST));
    const hostile: [number, number, number][] = [
      [40, 8, 1], // N = 2^40: terabytes
      [20, 32, 16], // within each bound, far over the total
      [21, 8, 1],
      [18, 255, 1],
      [15, 8, 255],
      [0, 8, 1],
      [15, 0, 1],
      [15, 8, 0],
    ];
    for (const [logN, r, p] of hostile) {
      const file = Buffer.from(sealed);
      file[9] = logN;
      file[10] = r;
      file[11] = p;
      const before = scryptCalls.n;
      const e = await refusal(file);
      expect(e.code, `${logN}/${r}/${p}`).toBe('seal/bad-header');
      expect(scryptCalls.n).toBe(before);
    }
    // a newer format version is named as such, also without any derivation
    const newer = Buffer.from(sealed);
    newer[8] = 2;
    const before = scryptCalls.n;
    expect((await refusal(newer)).message).toContain('更新版本');
    expect(scryptCalls.n).toBe(before);
    // (the counter does see a derivation when one happens)
    await unseal(sealed, PASS);
    expect(scryptCalls.n).toBe(before + 1);
  });

  it('keeps the header authenticated: a header from another sealed file does not fit this body', async () => {
    const one = Buffer.from(await seal(text('甲'), PASS, FAST));
    const two = Buffer.from(await seal(text('乙'), PASS, FAST));
    const spliced = Buffer.concat([two.subarray(0, SEAL_HEADER_BYTES), one.subarray(SEAL_HEADER_BYTES)]);
    expect((await refusal(spliced)).code).toBe('seal/wrong-passphrase');
  });
});
