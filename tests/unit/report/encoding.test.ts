/** The same report saved in any common Chinese encoding gives the same blocks. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importReportBytes } from '../../../electron/core/report/index';
import { STATE_COUNCIL, XIANNING, fixtureText, importFixture } from './helpers';

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const stripId = (r: ReturnType<typeof importFixture>) => r.blocks.map(({ id, kind, path, text }) => ({ id, kind, path, text }));

describe('encoding detection', () => {
  const reference = importFixture(XIANNING);
  const text = fixtureText(XIANNING);

  it('detects GBK without being told and gives identical blocks', () => {
    const report = importReportBytes(iconv.encode(text, 'gbk'), XIANNING);
    expect(report.sourceEncoding).toBe('gb18030');
    expect(stripId(report)).toEqual(stripId(reference));
    expect(report.repairs.find((r) => r.kind === 'encoding-detected')?.message).toMatch(/GB18030/);
  });

  it('detects GB18030 for text GBK cannot hold (U+2002 in the State Council speaker line)', () => {
    const sc = fixtureText(STATE_COUNCIL);
    const report = importReportBytes(iconv.encode(sc, 'gb18030'), STATE_COUNCIL);
    expect(report.sourceEncoding).toBe('gb18030');
    expect(stripId(report)).toEqual(stripId(importFixture(STATE_COUNCIL)));
  });

  it('reads UTF-8 with a BOM, and UTF-16 LE/BE with a BOM', () => {
    const variants: [Uint8Array, string][] = [
      [concat(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')), 'utf-8'],
      [concat(Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')), 'utf-16le'],
      [concat(Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')), 'utf-16be'],
    ];
    for (const [bytes, encoding] of variants) {
      const report = importReportBytes(bytes, XIANNING);
      expect(report.sourceEncoding).toBe(encoding);
      expect(stripId(report)).toEqual(stripId(reference));
    }
  });

  it('reads Windows line endings the same as Unix ones', () => {
    const report = importReportBytes(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), XIANNING);
    expect(stripId(report)).toEqual(stripId(reference));
  });

  it('keeps plain UTF-8 as UTF-8 with no encoding repair', () => {
    expect(reference.sourceEncoding).toBe('utf-8');
    expect(reference.repairs.some((r) => r.kind === 'encoding-detected')).toBe(false);
  });
});
