import { describe, expect, it } from 'vitest';
import { fixTitle, validateDraft } from '../../../electron/core/draft/validate';
import type { ProposalFields, SuggestionFields } from '../../../electron/core/draft/types';
import { blockTextLookup, blockWith, makeDraft, stateCouncil, targetOn, xianning } from './helpers';

const messages = (issues: { field: string; message: string }[]) => issues.map((i) => `${i.field}: ${i.message}`);

const proposal: ProposalFields = {
  title: '关于加快咸宁城区停车设施建设的提案',
  proposer: '李华',
  sector: '经济界',
  source: '联名',
  session: '政协咸宁市第五届委员会第三次会议',
  address: '咸宁市咸安区温泉路1号',
  postcode: '437000',
  phone: '0715-8000000',
  email: '',
  coProposers: '王强、陈静',
  category: '社会',
  analysis: '近年来我市机动车保有量快速增长，主城区停车泊位缺口较大，老旧小区、医院、学校周边停车难问题突出，占道停车影响通行安全。',
  suggestions: '一是编制城区停车设施专项规划；二是利用边角地、闲置地建设立体停车场；三是推动机关企事业单位停车场错时开放。',
};

const suggestion: SuggestionFields = {
  title: '关于加快推进咸九高速建设的建议',
  session: '会议期间',
  leadDeputy: '张明',
  coDeputies: '刘芳、赵磊',
  delegation: '咸安代表团',
  category: '经济',
  content:
    '咸九高速是连接咸宁与江西九江的重要通道，报告提出确保咸九高速建成投用。建议市政府明确建成通车时间节点，协调解决沿线征地拆迁和交通组织问题，同步规划建设出入口连接线，方便沿线群众出行。',
};

describe('validateDraft — 政协提案', () => {
  it('accepts a complete proposal', () => {
    const r = validateDraft(makeDraft('proposal', proposal));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('lists every missing required field under its form label', () => {
    const r = validateDraft(makeDraft('proposal', { ...proposal, title: '', proposer: ' ', sector: '', category: '', analysis: '', suggestions: '' }));
    expect(messages(r.errors)).toEqual([
      'title: 请填写案由',
      'proposer: 请填写提案人',
      'sector: 请填写界别/组别',
      'category: 请填写类别',
      'analysis: 请填写情况分析',
      'suggestions: 请填写具体建议',
    ]);
  });

  it('requires the 关于……的提案 title and offers the fix', () => {
    const r = validateDraft(makeDraft('proposal', { ...proposal, title: '加快咸宁城区停车设施建设。' }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toBe('案由应写成“关于……的提案”的形式，如：关于加快咸宁城区停车设施建设的提案');
    expect(r.errors[0].fix).toEqual({ field: 'title', value: '关于加快咸宁城区停车设施建设的提案' });
    // a suggestion's ending on a proposal is swapped
    expect(validateDraft(makeDraft('proposal', { ...proposal, title: '关于加快城区停车设施建设的建议' })).errors[0].fix?.value).toBe(
      '关于加快城区停车设施建设的提案',
    );
  });

  it('warns above 1,500 characters of 情况分析 + 具体建议, not at 1,500', () => {
    const at = makeDraft('proposal', { ...proposal, analysis: '停'.repeat(1000), suggestions: '车'.repeat(500) });
    expect(validateDraft(at).warnings).toEqual([]);
    const over = makeDraft('proposal', { ...proposal, analysis: '停'.repeat(1000), suggestions: '车\n'.repeat(501) });
    const w = validateDraft(over).warnings;
    expect(messages(w)).toEqual(['suggestions: 情况分析和具体建议共1501字，超过1500字，建议精简到800字左右']);
    expect(validateDraft(over).errors).toEqual([]);
  });

  it('hints gently at one matter per proposal', () => {
    const r = validateDraft(makeDraft('proposal', { ...proposal, title: '关于加快停车设施建设和优化公交线路的提案' }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.infos.map((i) => i.message)).toContain('案由中有“和”：如果涉及两件事，建议分开提出（一事一案）');
  });

  it('warns when no contact is given or the proposer co-signs himself, and hints at 联名', () => {
    const r = validateDraft(
      makeDraft('proposal', { ...proposal, source: '个人', session: '', address: '', postcode: '', phone: '', email: '', coProposers: '李华、王强' }),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.field)).toEqual(['coProposers', 'phone']);
    expect(messages(r.infos)).toContain('source: 已填写联名提案人：提案来源可选“联名”');
    const alone = validateDraft(makeDraft('proposal', { ...proposal, source: '联名', coProposers: '' }));
    expect(messages(alone.warnings)).toEqual(['coProposers: 联名提案请填写联名提案人']);
  });

  it('checks each contact field on its own: 6-digit postcode, a phone that can be dialled, an email address', () => {
    const r = validateDraft(makeDraft('proposal', { ...proposal, postcode: '43700', phone: '8000000', email: 'lihua@' }));
    expect(messages(r.warnings)).toEqual([
      'postcode: 邮政编码应为6位数字',
      'phone: 联系电话应为11位手机号或带区号的固定电话，如 0715-8123456',
      'email: 电子邮箱格式不对，如 name@example.com',
    ]);
    const ok = validateDraft(
      makeDraft('proposal', { ...proposal, postcode: '４３７０００', phone: '13900001111、0715-8123456转12', email: 'li.hua@xn.gov.cn' }),
    );
    expect(ok.warnings).toEqual([]);
  });

  it('hints at the usual session name', () => {
    const r = validateDraft(makeDraft('proposal', { ...proposal, session: '今年两会' }));
    expect(messages(r.infos)).toContain('session: 会议名称一般写作“政协××市第×届委员会第×次会议”');
    expect(validateDraft(makeDraft('proposal', proposal)).infos.filter((i) => i.field === 'session')).toEqual([]);
  });
});

describe('validateDraft — 代表建议', () => {
  it('accepts a complete suggestion', () => {
    const r = validateDraft(makeDraft('suggestion', suggestion));
    expect([r.errors, r.warnings, r.infos]).toEqual([[], [], []]);
  });

  it('requires title, lead deputy, delegation and content', () => {
    const r = validateDraft(makeDraft('suggestion', { ...suggestion, title: '', leadDeputy: '', delegation: '', content: '' }));
    expect(messages(r.errors)).toEqual(['title: 请填写标题', 'leadDeputy: 请填写领衔代表', 'delegation: 请填写代表团', 'content: 请填写内容']);
  });

  it('requires the 关于……的建议 title form', () => {
    const r = validateDraft(makeDraft('suggestion', { ...suggestion, title: '关于加快推进咸九高速建设建议' }));
    expect(r.errors[0]).toMatchObject({ field: 'title', fix: { value: '关于加快推进咸九高速建设的建议' } });
    expect(r.errors[0].message).toContain('标题应写成“关于……的建议”的形式');
    expect(validateDraft(makeDraft('suggestion', { ...suggestion, title: '关于的建议' })).errors[0].fix).toBeUndefined();
  });

  it('warns that a very short suggestion is not specific', () => {
    const r = validateDraft(makeDraft('suggestion', { ...suggestion, content: '建议尽快建成咸九高速。' }));
    expect(r.errors).toEqual([]);
    expect(r.warnings[0].message).toBe('内容只有11字，代表建议应事实清楚、意见具体，请写明问题和具体建议');
  });
});

describe('validateDraft — 修改意见 against the report text', () => {
  const block = blockWith(xianning.blocks, '确保咸九高速建成投用');
  const ctx = { blockText: blockTextLookup(xianning.blocks) };
  const on = (quote: string) => ({ targets: [targetOn(block, quote)] });

  it('accepts a modification quoting the report', () => {
    const d = makeDraft(
      'amendment',
      { op: 'modify', original: '确保咸九高速建成投用', proposed: '确保咸九高速年内建成投用', reason: '明确时限' },
      on('确保咸九高速建成投用'),
    );
    expect(validateDraft(d, ctx)).toEqual({ errors: [], warnings: [], infos: [] });
  });

  it('matches quotes across half-width/full-width punctuation of the newspaper copy', () => {
    // the fixture has 投用,长江 with a half-width comma; the user types a full-width one
    const d = makeDraft('amendment', { op: 'delete', original: '确保咸九高速建成投用，长江综合', proposed: '', reason: '已建成' }, on('确保咸九高速建成投用'));
    expect(validateDraft(d, ctx).warnings).toEqual([]);
  });

  it('warns when the quote is not in the selected passage', () => {
    const d = makeDraft('amendment', { op: 'modify', original: '确保咸九高速年底建成', proposed: '确保咸九高速建成', reason: '' }, on('确保咸九高速建成投用'));
    expect(messages(validateDraft(d, ctx).warnings)).toEqual(['original: 原文与报告中所选段落的文字不一致，请核对引文']);
  });

  it('warns when the quote occurs more than once in the passage', () => {
    const b = blockWith(stateCouncil.blocks, '积极扩大有效投资。');
    const count = b.text.split('投资').length - 1;
    expect(count).toBeGreaterThan(1);
    const d = makeDraft('amendment', { op: 'modify', original: '投资', proposed: '投入', reason: '' }, { targets: [targetOn(b, '投资')] });
    const w = validateDraft(d, { blockText: blockTextLookup(stateCouncil.blocks) }).warnings;
    expect(w[0].message).toBe(`“投资”在所选段落中出现${count}次，请多引几个字，使修改位置唯一`);
  });

  it('requires 原文 and 修改为 as the operation needs', () => {
    const base = { original: '', proposed: '', reason: '' };
    expect(messages(validateDraft(makeDraft('amendment', { ...base, op: 'modify' })).errors)).toEqual([
      'original: 请填写原文',
      'proposed: 请填写修改后的文字；如要整句删去，请选择“删去”',
    ]);
    expect(messages(validateDraft(makeDraft('amendment', { ...base, op: 'delete' })).errors)).toEqual(['original: 请填写原文']);
    expect(messages(validateDraft(makeDraft('amendment', { ...base, op: 'add' })).errors)).toEqual([
      'original: 请填写新增内容插入位置之前的原文，或在报告中选定要增加内容的段落',
      'proposed: 请填写要增加的内容',
    ]);
  });

  it('lets an addition to a selected passage go without a quote (在…一段，增加)', () => {
    const d = makeDraft('amendment', { op: 'add', original: '', proposed: '加快推进城区停车设施建设。', reason: '群众反映强烈' }, on('确保咸九高速建成投用'));
    expect(validateDraft(d, ctx).errors).toEqual([]);
  });

  it('rejects a modification identical to the original', () => {
    const d = makeDraft('amendment', {
      op: 'modify',
      original: '确保咸九高速建成投用',
      proposed: ' 确保咸九高速建成投用',
      reason: '',
    });
    expect(messages(validateDraft(d).errors)).toEqual(['proposed: 修改后的文字与原文相同']);
    expect(validateDraft(d).infos.map((i) => i.field)).toEqual(['reason']);
  });
});

describe('validateDraft — 审议意见', () => {
  it('requires content and a well-formed date', () => {
    const r = validateDraft(makeDraft('opinion', { content: '', speaker: '', delegation: '咸安代表团', date: '2024年1月20日' }));
    expect(messages(r.errors)).toEqual(['content: 请填写意见内容']);
    expect(messages(r.warnings)).toEqual(['date: 日期格式应为 YYYY-MM-DD']);
    expect(validateDraft(makeDraft('opinion', { content: '赞成报告。', speaker: '', delegation: '', date: '2024-01-20' })).errors).toEqual([]);
  });
});

describe('fixTitle', () => {
  it('rewrites into the 关于……的 form', () => {
    expect(fixTitle('《加强生态保护修复》', 'suggestion')).toBe('关于加强生态保护修复的建议');
    expect(fixTitle('关于优化营商环境的意见', 'proposal')).toBe('关于优化营商环境的提案');
    expect(fixTitle('  ', 'proposal')).toBeNull();
  });
});
