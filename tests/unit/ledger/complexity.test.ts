import { describe, it } from 'vitest';
import { extractLedger } from '../../../electron/core/ledger/index';
import type { Block } from '../../../electron/core/report/types';
import { sentenceEnds } from '../../../electron/core/report/sentences';
import { expectLinear, type Input } from '../../helpers/linearTime';

/** One paragraph holding the whole input, so nothing but the ledger's own scan is timed. */
function block(text: string): Block[] {
  const b: Block = {
    id: 'p',
    ord: 0,
    kind: 'paragraph',
    text,
    path: '第二部分第1段',
    level: 4,
    part: 2,
    section: null,
    headingEnd: 0,
    leadEnd: 0,
    sentenceEnds: sentenceEnds(text),
  };
  return [b];
}

const run = (input: Input) => extractLedger(block(input as string));

describe('extractLedger is linear on hostile input', () => {
  it('a long digit run', () => expectLinear((n) => '新增' + '9'.repeat(n) + '家', run, 20_000));
  it('a long list joined by 、 in one sentence', () => expectLinear((n) => '确保' + '粮食面积296.1万亩以上、'.repeat(n) + '。', run, 2_000));
  it('figures with no units and open quotes', () => expectLinear((n) => '“'.repeat(n) + '1.2.3.4—5—'.repeat(n), run, 5_000));
  it('Chinese numerals after 等 and 新增 with no break', () => expectLinear((n) => '等百千十新增'.repeat(n), run, 5_000));
});
