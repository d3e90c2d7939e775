import { describe, expect, it } from 'vitest';
import { openingWords, passagePositions } from '../../../electron/core/draft/position';
import { draftFileStem, draftHasContent, reportDisplayTitle } from '../../../electron/core/draft/naming';
import { affiliationsByAuthor, authorKey, signedFields } from '../../../electron/core/draft/authorship';
import { blockWith, makeDraft, stateCouncil, xianning } from './helpers';

describe('passage positions — 在第X部分“小标题”中“段首语”一段 (FORMATS.md)', () => {
  const at = passagePositions(xianning.blocks);
  const pos = (needle: string) => at(blockWith(xianning.blocks, needle).id);

  it('cites a paragraph by part, section heading and lead sentence', () => {
    expect(pos('着力扩大有效投资。')).toBe('第二部分“强信心、稳预期，奋力推动经济稳增长”中“着力扩大有效投资”一段');
  });

  it('cites a paragraph without a lead by its opening words, never by a number that shifts', () => {
    // the parser's own path for this paragraph is 第二部分第1段
    const b = blockWith(xianning.blocks, '2024年是中华人民共和国成立75周年');
    expect(b.path).toMatch(/第\d+段$/);
    expect(at(b.id)).toBe('第二部分“2024年工作安排”中“2024年是中华人民共和国成立75周年”一段');
    for (const x of xianning.blocks) expect(at(x.id)).not.toMatch(/第\d+段/);
    for (const x of stateCouncil.blocks) expect(passagePositions(stateCouncil.blocks)(x.id)).not.toMatch(/第\d+段/);
  });

  it('reads naturally at the start and the end of a report', () => {
    expect(pos('惟有不懈奋斗')).toBe('结尾“各位代表！惟有不懈奋斗”一段');
    const sc = passagePositions(stateCouncil.blocks);
    expect(sc(blockWith(stateCouncil.blocks, '现在，我代表国务院').id)).toBe('开头“现在，我代表国务院”一段');
  });

  it('takes opening words long enough to tell paragraphs apart, cut when long', () => {
    expect(openingWords('各位代表，2023年，我们在多重困难中拼搏赶超。')).toBe('各位代表，2023年');
    expect(openingWords('国家安全、国防动员、人防、军民融合、双拥、援疆等工作再上新台阶，妇女儿童')).toBe('国家安全、国防动员、人防、军民融合、双拥、援……');
  });
});

describe('names that leave the app', () => {
  it('names a report with its region and year, once', () => {
    expect(reportDisplayTitle({ title: '政府工作报告', region: '咸宁市', year: 2024 })).toBe('咸宁市2024年政府工作报告');
    expect(reportDisplayTitle({ title: '咸宁市政府工作报告', region: '咸宁市', year: 2024 })).toBe('咸宁市2024年政府工作报告');
    expect(reportDisplayTitle({ title: '2024年政府工作报告', region: '咸宁市', year: 2024 })).toBe('咸宁市2024年政府工作报告');
    expect(reportDisplayTitle({ title: '政府工作报告', region: '国务院', year: 2024 })).toBe('2024年政府工作报告');
    expect(reportDisplayTitle({ title: '政府工作报告', region: null, year: null })).toBe('政府工作报告');
    expect(reportDisplayTitle({ title: '关于2023年预算执行情况的报告', region: '咸宁市', year: 2024 })).toBe('关于2023年预算执行情况的报告');
  });

  it('names a single draft after itself, never like a compiled list', () => {
    const a = makeDraft('amendment', { op: 'modify', original: '地区生产总值', proposed: '全市生产总值', reason: '' });
    expect(draftFileStem(a)).toBe('修改意见-修改“地区生产总值”');
    const o = makeDraft('opinion', { content: '建议补充与全省平均水平的对比。', speaker: '', delegation: '', date: '' });
    expect(draftFileStem(o)).toBe('审议意见-建议补充与全省平均水平的对比。');
    const p = makeDraft('proposal', {
      title: '',
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
    });
    expect(draftFileStem(p)).toBe('政协提案-未命名');
  });

  it('tells a draft the user wrote in from one that only holds what it started with', () => {
    expect(draftHasContent(makeDraft('amendment', { op: 'modify', original: '地区生产总值', proposed: '地区生产总值', reason: '' }))).toBe(false);
    expect(draftHasContent(makeDraft('amendment', { op: 'modify', original: '地区生产总值', proposed: '全市生产总值', reason: '' }))).toBe(true);
    expect(draftHasContent(makeDraft('opinion', { content: '', speaker: '', delegation: '咸宁代表团', date: '2024-01-20' }))).toBe(false);
    expect(draftHasContent(makeDraft('opinion', { content: '好', speaker: '', delegation: '', date: '' }))).toBe(true);
  });
});

describe('authorship', () => {
  it('one key per person however the name is spaced', () => {
    expect(authorKey('张　三')).toBe(authorKey('张三'));
    expect(authorKey(' 张 三 ')).toBe('张三');
  });

  it('a name field still naming the old author follows the new one; what the user typed stays', () => {
    const sig = { name: '张三', delegation: '咸宁代表团', sector: '' };
    expect(signedFields('suggestion', { leadDeputy: '', delegation: '', title: 't' }, '', sig)).toEqual({
      leadDeputy: '张三',
      delegation: '咸宁代表团',
      title: 't',
    });
    expect(signedFields('suggestion', { leadDeputy: '李四', delegation: '赤壁代表团' }, '', sig)).toBeNull();
    expect(signedFields('proposal', { proposer: '张 三', sector: '' }, '张三', { name: '王五', delegation: '', sector: '' })).toEqual({
      proposer: '王五',
      sector: '',
    });
  });

  it('finds each author’s 代表团 / 界别 in their own drafts', () => {
    const o = makeDraft('opinion', { content: 'x', speaker: '', delegation: '咸宁代表团', date: '' }, { author: '张　三' });
    const p = makeDraft(
      'proposal',
      {
        title: '',
        proposer: '',
        sector: '经济界',
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
      },
      { author: '李四' },
    );
    const m = affiliationsByAuthor([o, p]);
    expect(m.get(authorKey('张三'))).toBe('咸宁代表团');
    expect(m.get(authorKey('李四'))).toBe('经济界');
  });
});
