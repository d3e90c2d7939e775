import { describe, expect, it } from 'vitest';
import { KIND_SPECS, emptyFields, fieldLabel, kindsForRole } from '../../../electron/core/draft/kinds';

describe('draft kinds for the UI', () => {
  it('uses the names and labels users know', () => {
    expect(Object.values(KIND_SPECS).map((k) => k.name)).toEqual(['修改意见', '审议意见', '代表建议', '政协提案']);
    expect(KIND_SPECS.amendment.fields.map((f) => f.label)).toEqual(['修改方式', '原文', '修改为', '理由']);
    expect(KIND_SPECS.suggestion.fields.map((f) => f.label)).toEqual(['标题', '提出时间', '领衔代表', '附议代表', '代表团', '类别', '内容']);
    expect(KIND_SPECS.suggestion.fields[1].options?.map((o) => o.label)).toEqual(['会议期间', '闭会期间']);
    expect(KIND_SPECS.proposal.fields.map((f) => f.label)).toEqual([
      '案由',
      '提案来源',
      '会议名称',
      '提案人',
      '界别/组别',
      '通讯地址',
      '邮政编码',
      '联系电话',
      '电子邮箱',
      '联名提案人',
      '类别',
      '情况分析',
      '具体建议',
    ]);
    expect(KIND_SPECS.proposal.fields[1].options?.map((o) => o.label)).toEqual(['个人', '联名', '界别', '小组', '组织']);
    expect(KIND_SPECS.opinion.fields.map((f) => f.label)).toEqual(['意见内容', '发言人', '代表团/小组', '日期']);
    expect(fieldLabel('proposal', 'title')).toBe('案由');
    expect(fieldLabel('suggestion', 'title')).toBe('标题');
  });

  it('marks required and multiline fields and offers a category list', () => {
    const p = KIND_SPECS.proposal.fields;
    const req = p.filter((f) => f.required).map((f) => f.key);
    expect(req).toEqual(['title', 'source', 'proposer', 'sector', 'category', 'analysis', 'suggestions']);
    expect(p.find((f) => f.key === 'analysis')?.multiline).toBe(true);
    expect(p.find((f) => f.key === 'title')?.multiline).toBe(false);
    const cats = p.find((f) => f.key === 'category')?.options?.map((o) => o.label);
    expect(cats).toEqual(expect.arrayContaining(['经济', '政治', '文化', '社会', '生态文明', '其他']));
    expect(KIND_SPECS.amendment.fields[0].options?.map((o) => o.label)).toEqual(['修改', '增加', '删去']);
  });

  it('orders kinds by role: deputies review and suggest, members propose first', () => {
    expect(kindsForRole('deputy').map((k) => k.name)).toEqual(['修改意见', '审议意见', '代表建议', '政协提案']);
    expect(kindsForRole('member')[0].name).toBe('政协提案');
    expect(kindsForRole('member')).toHaveLength(4);
  });
});

describe('emptyFields prefills from the selection and settings', () => {
  const settings = { authorName: '张明', delegation: '咸安代表团', sector: '经济界', contact: '咸宁市咸安区温泉路1号 437000' };

  it('puts the selected quote in 原文 (and 修改为, to edit in place)', () => {
    const f = emptyFields('amendment', { selection: { quote: ' 确保咸九高速建成投用 ' } });
    expect(f).toEqual({ op: 'modify', original: '确保咸九高速建成投用', proposed: '确保咸九高速建成投用', reason: '' });
    expect(emptyFields('amendment', { selection: { quote: '结项70项' }, op: 'delete' }).proposed).toBe('');
    expect(emptyFields('amendment').original).toBe('');
  });

  it('fills the proposer, 界别 and contact of a proposal', () => {
    const f = emptyFields('proposal', { settings });
    expect(f.proposer).toBe('张明');
    expect(f.sector).toBe('经济界');
    // one line of contact text in the settings fills the form's separate boxes
    expect([f.address, f.postcode, f.phone, f.email]).toEqual(['咸宁市咸安区温泉路1号', '437000', '', '']);
    expect(f.title).toBe('');
  });

  it('fills the lead deputy and delegation of a suggestion', () => {
    const f = emptyFields('suggestion', { settings });
    expect([f.leadDeputy, f.delegation, f.coDeputies]).toEqual(['张明', '咸安代表团', '']);
  });

  it('dates an opinion and files it under the delegation, or the 界别 for members', () => {
    expect(emptyFields('opinion', { settings, today: '2024-01-20' })).toEqual({
      content: '',
      speaker: '张明',
      delegation: '咸安代表团',
      date: '2024-01-20',
    });
    expect(emptyFields('opinion', { settings: { ...settings, role: 'member' } }).delegation).toBe('经济界');
    expect(emptyFields('opinion').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
