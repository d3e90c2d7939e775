import { describe, expect, it } from 'vitest';
import { amendmentWording } from '../../../electron/core/draft/kinds/amendment';
import { nestQuotes, quote } from '../../../electron/core/draft/text';
import { chineseNumber, draftTitle } from '../../../electron/core/draft/wording';
import { blockWith, makeDraft, targetOn, xianning } from './helpers';

// FORMATS.md: part, section heading and lead sentence, never a paragraph number
const PATH = '第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段';

describe('amendmentWording — the State Council list wording', () => {
  it('modify, bare and located', () => {
    const f = { op: 'modify' as const, original: '确保咸九高速建成投用', proposed: '确保咸九高速年内建成投用' };
    expect(amendmentWording(f)).toBe('将“确保咸九高速建成投用”修改为“确保咸九高速年内建成投用”');
    expect(amendmentWording(f, { path: PATH })).toBe(
      '在第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段，将“确保咸九高速建成投用”修改为“确保咸九高速年内建成投用”',
    );
  });

  it('delete, bare and located; a stray 修改为 text is not printed', () => {
    const f = { op: 'delete' as const, original: '，结项70项', proposed: '' };
    expect(amendmentWording(f)).toBe('删去“，结项70项”');
    expect(amendmentWording({ ...f, proposed: '别的' }, { path: PATH })).toBe(
      '在第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段，删去“，结项70项”',
    );
  });

  it('add after a quote, bare and located', () => {
    const f = { op: 'add' as const, original: '国际陆港开工', proposed: '，加快建设咸宁港区' };
    expect(amendmentWording(f)).toBe('在“国际陆港开工”后增加“，加快建设咸宁港区”');
    expect(amendmentWording(f, { path: PATH })).toBe(
      '在第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段，“国际陆港开工”后增加“，加快建设咸宁港区”',
    );
  });

  it('add to a passage without a quote uses 在…，增加“……”', () => {
    const f = { op: 'add' as const, original: '', proposed: '加快推进城市停车设施建设。' };
    expect(amendmentWording(f, { path: PATH })).toBe(
      '在第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段，增加“加快推进城市停车设施建设。”',
    );
    expect(amendmentWording(f)).toBe('增加“加快推进城市停车设施建设。”');
  });

  it('nests quotation marks: “” inside becomes ‘’, ASCII quotes too', () => {
    const f = { op: 'modify' as const, original: '持续开展“项目攻坚年”活动', proposed: '深入开展"项目攻坚年"活动' };
    expect(amendmentWording(f)).toBe('将“持续开展‘项目攻坚年’活动”修改为“深入开展‘项目攻坚年’活动”');
    expect(quote('践行“深实严细久”工作标准')).toBe('“践行‘深实严细久’工作标准”');
    // a third level goes back to double marks
    expect(nestQuotes('“学习‘千万工程’经验”')).toBe('‘学习“千万工程”经验’');
  });

  it('trims surrounding whitespace of quotes and path', () => {
    expect(amendmentWording({ op: 'delete', original: '  预计 ', proposed: '' }, { path: `  ${PATH} ` })).toBe(`在${PATH}，删去“预计”`);
  });
});

describe('draftTitle', () => {
  const block = blockWith(xianning.blocks, '确保咸九高速建成投用');
  it('names an amendment by what it does and where', () => {
    const d = makeDraft(
      'amendment',
      { op: 'modify', original: '确保咸九高速建成投用', proposed: '确保咸九高速年内建成投用', reason: '' },
      { targets: [targetOn(block, '确保咸九高速建成投用', PATH)] },
    );
    // the lead sentence tells passages apart; the long part and heading in front are cut
    expect(draftTitle(d)).toBe('…“着力扩大有效投资”一段：修改“确保咸九高速建成投用”');
    expect(draftTitle({ ...d, targets: [] })).toBe('修改“确保咸九高速建成投用”');
  });
  it('uses the real title of a proposal, and a placeholder when empty', () => {
    const fields = {
      title: '关于加快城区停车设施建设的提案',
      proposer: '',
      sector: '',
      source: '个人',
      session: '',
      address: '',
      postcode: '',
      phone: '',
      email: '',
      coProposers: '',
      category: '',
      analysis: '',
      suggestions: '',
    };
    expect(draftTitle(makeDraft('proposal', fields))).toBe('关于加快城区停车设施建设的提案');
    expect(draftTitle(makeDraft('proposal', { ...fields, title: '' }))).toBe('政协提案（未命名）');
  });
  it('shortens a long opinion', () => {
    const d = makeDraft('opinion', {
      content: '报告对扩大有效投资的部署很实，建议进一步明确重大项目的时间节点和责任单位。',
      speaker: '',
      delegation: '咸安代表团',
      date: '2024-01-20',
    });
    expect(draftTitle(d)).toBe('审议意见：报告对扩大有效投资的部署很实，建议进一步…');
  });
});

describe('chineseNumber', () => {
  it('numbers as official documents do', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
});
