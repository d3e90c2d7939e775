/**
 * How a new import format is added (DESIGN.md, "How to add…"), done once here: a reader module,
 * one registry entry, nothing else. The fixture reads an Emacs Org outline — headings as `* `,
 * `** ` lines — which no ReviewDesk user has asked for; it only proves the seam.
 */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importReportBytes, IMPORT_FORMATS, type FormatRegistry } from '../../../electron/core/report';
import { acceptedExtensions } from '../../../electron/core/report/formats';
import { splitPlainText } from '../../../electron/core/report/source';
import { ReviewDeskError } from '../../../electron/core/errors';

const orgOutline = (text: string) =>
  splitPlainText(text).map((l) => {
    const m = /^(\*+) (.*)$/.exec(l.text);
    return m ? { ...l, text: m[2], headingLevel: m[1].length } : l;
  });

const withOrg: FormatRegistry = {
  ...IMPORT_FORMATS,
  md: { ...IMPORT_FORMATS.md, extensions: [...IMPORT_FORMATS.md.extensions, 'org'], read: orgOutline },
};

const report = [
  '* 政府工作报告',
  '各位代表：',
  '** 一、2024年工作回顾',
  '过去一年，全市地区生产总值增长5.8%。',
  '** 二、2025年工作安排',
  '今年重点抓好以下工作。',
].join('\n');

describe('adding an import format', () => {
  it('reads a file of the new format through the same pipeline once its entry is registered', () => {
    const parsed = importReportBytes(strToU8(report), '报告.org', withOrg);
    expect(parsed.blocks.map((b) => b.text)).toEqual([
      '政府工作报告',
      '各位代表：',
      '一、2024年工作回顾',
      '过去一年，全市地区生产总值增长5.8%。',
      '二、2025年工作安排',
      '今年重点抓好以下工作。',
    ]);
    expect(parsed.blocks.find((b) => b.text.startsWith('一、'))?.kind).toBe('part');
  });

  it('is refused with the list of formats in Chinese while it is not registered', () => {
    let error: unknown;
    try {
      importReportBytes(strToU8(report), '报告.org');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReviewDeskError);
    expect((error as ReviewDeskError).message).toBe('不支持 .org 格式的文件。请导入 .txt、.md、.docx、.html 或 .pdf 格式的报告。');
    expect(acceptedExtensions(withOrg)).toBe('.txt、.md、.docx、.html 或 .pdf');
  });

  it('never takes a format from an extension that only names a built-in property', () => {
    for (const ext of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => importReportBytes(strToU8(report), `报告.${ext}`)).toThrow(`不支持 .${ext.toLowerCase()} 格式的文件`);
    }
  });
});
