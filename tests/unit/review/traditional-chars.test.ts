import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../electron/core/review/index';
import { CORPUS, corpusBlocks, excerpts, findings } from './corpus';

const RULE = 'traditional-chars';

describe('繁体字异体字', () => {
  it('flags traditional characters with the simplified one as suggestion', () => {
    const f = findings(RULE, '长江综合门戶港开工，後续工作爲民服务，積極推進。');
    expect(f.map((x) => [x.excerpt, x.suggestion, x.severity])).toEqual([
      ['戶', '户', 'error'],
      ['後', '后', 'error'],
      ['爲', '为', 'error'],
      ['積', '积', 'error'],
      ['極', '极', 'error'],
      ['進', '进', 'error'],
    ]);
  });

  it('flags variant forms, and gives a warning for old forms standard only in a rare sense (於, 徵)', () => {
    expect(findings(RULE, '攀登高峯，架设电綫。').map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['峯', '峰'],
      ['綫', '线'],
    ]);
    expect(findings(RULE, '立足於发展，徵求意见。').map((x) => [x.excerpt, x.suggestion, x.severity])).toEqual([
      ['於', '于', 'warning'],
      ['徵', '征', 'warning'],
    ]);
  });

  it('leaves characters that are standard in simplified text alone', () => {
    expect(excerpts(RULE, '成效显著，乾坤朗朗，什么都有，获益甚夥，蒜薹丰收，哪吒闹海，于是，余下，后来，里面，著作。')).toEqual([]);
  });

  it('finds the one traditional character in the bundled report (门戶港)', () => {
    expect(checkReport(corpusBlocks('xianning'), { rules: [RULE] }).map((f) => f.excerpt)).toEqual(['戶']);
  });

  it.each(['stateCouncil', 'hubei', 'beijing'] as (keyof typeof CORPUS)[])('raises no false alarm on %s', (name) => {
    expect(checkReport(corpusBlocks(name), { rules: [RULE] })).toEqual([]);
  });
});
