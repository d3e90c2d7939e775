/**
 * Names that come from outside (file extensions, settings written by a bundle or a hand-edited
 * file, method names) are looked up with Map / Object.hasOwn: "constructor" or "__proto__"
 * never finds one of JavaScript's built-ins.
 */
import { describe, expect, it } from 'vitest';
import { importReportBytes } from '../../../electron/core/report';
import { isReviewDeskError } from '../../../electron/core/errors';
import { colorLabels, DEFAULT_COLOR_LABELS } from '../../../electron/core/common/colors';

const BUILT_INS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('names from outside', () => {
  it('a report file named x.constructor (or any built-in name) is refused as an unsupported format', () => {
    const bytes = new TextEncoder().encode('一、总体要求\n坚持稳中求进工作总基调。\n');
    for (const ext of BUILT_INS) {
      let error: unknown;
      try {
        importReportBytes(bytes, `报告.${ext}`);
      } catch (e) {
        error = e;
      }
      expect(isReviewDeskError(error), ext).toBe(true);
      expect((error as Error).message).toMatch(/不支持/);
    }
  });

  it('colour names from settings keep only the six colours, whatever keys the stored JSON has', () => {
    const labels = colorLabels('{"__proto__": "毒", "constructor": "毒", "toString": "毒", "yellow": "要点"}');
    expect(Object.keys(labels).sort()).toEqual(Object.keys(DEFAULT_COLOR_LABELS).sort());
    expect(labels.yellow).toBe('要点');
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    const raw = '{"__proto__": {"polluted": "yes"}, "blue": "问"}';
    expect(colorLabels(raw).blue).toBe('问');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
