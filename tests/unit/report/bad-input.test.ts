/** Files that are not reports are refused with a clear Chinese message and a stable code. */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ReviewDeskError } from '../../../electron/core/errors';
import { importReportBytes, parseReportText } from '../../../electron/core/report/index';
import { makeDocx } from './helpers';

function importError(bytes: Uint8Array, name: string): ReviewDeskError {
  try {
    importReportBytes(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ReviewDeskError);
    const err = e as ReviewDeskError;
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    return err;
  }
  throw new Error('expected the import to fail');
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

describe('bad input', () => {
  it('refuses an empty file', () => {
    expect(importError(new Uint8Array(0), '报告.txt').code).toBe('import/empty');
  });

  it('refuses whitespace only, and text that is only layout residue', () => {
    expect(importError(strToU8(' \n\n\u3000\u3000\n\t \n'), '报告.txt').code).toBe('import/no-paragraphs');
    expect(importError(strToU8('(上接第一版)\n\n- 3 -\n'), '报告.txt').code).toBe('import/no-paragraphs');
    expect(() => parseReportText('   \n  ')).toThrowError(ReviewDeskError);
  });

  it('refuses images and PDFs under a text name', () => {
    expect(importError(PNG, '报告.txt').code).toBe('import/binary');
    expect(importError(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), '报告.txt').message).toMatch(/JPEG/);
    expect(importError(strToU8('%PDF-1.7\n...'), '报告.md').message).toMatch(/PDF/);
  });

  it('refuses text with NUL bytes or control characters as binary', () => {
    const bytes = strToU8('政府工作报告\n各位代表：\n');
    const withNul = new Uint8Array([...bytes, 0, 1, 2, 3, 0, 0, 5, 6, 7, 8]);
    expect(importError(withNul, '报告.txt').code).toBe('import/binary');
  });

  it('refuses a .docx that is not a zip, and a zip that is not a Word document', () => {
    expect(importError(PNG, '报告.docx').code).toBe('import/docx-invalid');
    expect(importError(strToU8('政府工作报告'), '报告.docx').code).toBe('import/docx-invalid');
    const zip = zipSync({ 'notes/readme.txt': strToU8('hello') });
    const err = importError(zip, '报告.docx');
    expect(err.code).toBe('import/docx-invalid');
    expect(err.message).toMatch(/Word/);
  });

  it('refuses a truncated docx', () => {
    const docx = makeDocx([['政府工作报告'], ['各位代表：'], ['现在，我代表市人民政府向大会报告工作。'.repeat(50)]]);
    expect(importError(docx.subarray(0, Math.floor(docx.length / 2)), '报告.docx').code).toBe('import/docx-invalid');
  });

  it('recognises an encrypted (or legacy OLE) Word file', () => {
    const err = importError(OLE, '报告.docx');
    expect(err.code).toBe('import/docx-encrypted');
    expect(err.message).toMatch(/加密/);
  });

  it('stops a zip bomb', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(importError(bomb, '报告.docx').code).toBe('import/zip-bomb');
  });

  it('stops a zip bomb whose headers understate its size', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    // Lie in both the local header (offset 22) and the central directory entry (offset 24).
    view.setUint32(22, 100, true);
    for (let i = bomb.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 100, true);
        break;
      }
    }
    expect(importError(bomb, '报告.docx').code).toBe('import/zip-bomb');
  });

  it('refuses a file over 20 MB', () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    const err = importError(big, '报告.txt');
    expect(err.code).toBe('import/too-large');
    expect(err.message).toMatch(/20 MB/);
  });

  it('refuses unsupported extensions, with advice for legacy .doc', () => {
    expect(importError(strToU8('政府工作报告'), '报告.rtf').code).toBe('import/unsupported');
    expect(importError(OLE, '报告.doc').message).toMatch(/另存为 \.docx/);
  });
});
