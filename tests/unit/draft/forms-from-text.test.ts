/** The pure parts of forms started from the text: quoting passages, contact fields, the 代表建议 scope hints. */
import { describe, expect, it } from 'vitest';
import { excerpt, ownWords, passageSentence, withPassagesQuoted } from '../../../electron/core/draft/background';
import { contactProblems, splitContact } from '../../../electron/core/draft/contact';
import { normalizeFields } from '../../../electron/core/draft/stored';
import { validateDraft } from '../../../electron/core/draft/validate';
import { emptyFields } from '../../../electron/core/draft/kinds';
import { draftHasContent } from '../../../electron/core/draft/naming';
import { makeDraft, xianning } from './helpers';
import { expectLinear } from '../../helpers/linearTime';

describe('passages quoted in the 背景', () => {
  const a = { quote: '地区生产总值增长6%', path: '第一部分“2023年工作回顾”中“经济运行回升向好”一段' };
  const b = { quote: '新增城镇就业2.5万人' };

  it('quotes each passage once, before the user’s words, nesting quotation marks', () => {
    const one = withPassagesQuoted('', [a]);
    expect(one).toBe(`${passageSentence(a)}\n`);
    expect(passageSentence(a)).toBe('政府工作报告在第一部分“2023年工作回顾”中“经济运行回升向好”一段提出：“地区生产总值增长6%”。');
    const written = `${one}建议保持这一增速。`;
    const two = withPassagesQuoted(written, [a, b]);
    expect(two.split('\n')).toEqual([passageSentence(a), passageSentence(b), '建议保持这一增速。']);
    expect(withPassagesQuoted(two, [b])).toBe(two);
    expect(ownWords(two)).toBe('建议保持这一增速。');
    expect(passageSentence({ quote: '开展“项目攻坚年”活动' })).toBe('政府工作报告提出：“开展‘项目攻坚年’活动”。');
  });

  it('cuts a long passage at a sentence end and keeps short ones whole', () => {
    const long = xianning.blocks.find((x) => x.kind === 'paragraph' && [...x.text].length > 200)!.text;
    const cut = excerpt(long);
    expect(cut.endsWith('……')).toBe(true);
    expect(long.startsWith(cut.slice(0, -2))).toBe(true);
    expect(/[。！？；]$/u.test(cut.slice(0, -2))).toBe(true);
    expect(excerpt('短句。')).toBe('短句。');
  });

  it('a form holding only the quotes counts as empty, and shows no complaints about its words', () => {
    const f = emptyFields('suggestion', { passages: [a], settings: { authorName: '张明', delegation: '咸安代表团' } });
    expect(draftHasContent({ kind: 'suggestion', fields: f })).toBe(false);
    const p = emptyFields('proposal', { passages: [a] });
    expect(p.analysis.startsWith('政府工作报告在第一部分')).toBe(true);
    expect(draftHasContent({ kind: 'proposal', fields: p })).toBe(false);
    expect(draftHasContent({ kind: 'proposal', fields: { ...p, analysis: `${p.analysis}停车难。` } })).toBe(true);
    // the quote alone is no content: 请填写 is not silenced by it, the length hint does not count it
    const w = validateDraft(makeDraft('suggestion', { ...f, title: '关于保持增速的建议' }));
    expect(w.warnings.map((x) => x.message)).toEqual([]);
  });
});

describe('contact details', () => {
  it('splits one line of contact text into the form’s boxes', () => {
    expect(splitContact('咸宁市咸安区温泉路1号，437000，0715-8000000，lihua@example.com')).toEqual({
      address: '咸宁市咸安区温泉路1号',
      postcode: '437000',
      phone: '0715-8000000',
      email: 'lihua@example.com',
    });
    expect(splitContact('地址：咸宁市温泉路1号 邮编：437100 手机：13900001111')).toEqual({
      address: '咸宁市温泉路1号',
      postcode: '437100',
      phone: '13900001111',
      email: '',
    });
    expect(splitContact('')).toEqual({ address: '', postcode: '', phone: '', email: '' });
  });

  it('moves a proposal saved with one 通讯方式 box into the separate fields', () => {
    const f = normalizeFields('proposal', { title: '关于X的提案', contact: '咸宁市温泉路1号，437100，13900001111' });
    expect([f.address, f.postcode, f.phone, f.email, f.source]).toEqual(['咸宁市温泉路1号', '437100', '13900001111', '', '个人']);
    expect(f).not.toHaveProperty('contact');
    // separate fields already filled win over the old box
    expect(normalizeFields('proposal', { contact: '旧地址 437100', address: '新地址' }).address).toBe('新地址');
  });

  it('checks what is filled, and nothing that is empty', () => {
    expect(contactProblems({ address: '', postcode: '', phone: '', email: '' })).toEqual({});
    expect(Object.keys(contactProblems({ address: 'x', postcode: '4371', phone: '12345', email: 'a@b' }))).toEqual(['postcode', 'phone', 'email']);
  });

  it('takes linear time on hostile input (a regex that backtracks would not)', () => {
    const evil = (n: number) => '1'.repeat(n) + '@' + 'a.'.repeat(n) + ' 0'.repeat(n);
    expectLinear(evil, (s) => splitContact(s as string), 2_000);
    expectLinear(evil, (s) => contactProblems({ address: '', postcode: s as string, phone: s as string, email: s as string }), 2_000);
  });
});

describe('代表建议 outside what the office accepts: gentle warnings', () => {
  const base = {
    title: '关于加快城乡供水一体化的建议',
    session: '会议期间',
    leadDeputy: '张明',
    coDeputies: '',
    delegation: '咸安代表团',
    category: '社会',
  };
  const warn = (content: string) => validateDraft(makeDraft('suggestion', { ...base, content })).warnings.map((w) => w.message);

  it('flags personal affairs, court cases and forwarded letters, advertising, and text without a request', () => {
    expect(warn('我的孩子今年大学毕业，一直没有找到工作，希望政府帮助解决我家的实际困难，为他安排一个事业单位的工作岗位，解决后顾之忧。')).toEqual([
      expect.stringMatching(/个人或家庭事务/u),
    ]);
    expect(warn('本人代转群众来信一封，反映某具体案件的判决不公，请有关部门依法处理，给群众一个说法，维护社会公平正义和司法权威。')).toEqual([
      expect.stringMatching(/具体案件/u),
    ]);
    expect(warn('今年以来城区多处道路积水，雨天出行困难，群众意见较大，相关情况已经持续多年，影响城市形象和群众生活。')).toEqual([
      '内容中没有看到具体的建议或要求：请写明希望由谁、做什么、怎么做',
    ]);
  });

  it('stays quiet on ordinary suggestions written the way deputies write them', () => {
    const ordinary = [
      '部分乡镇供水管网老化，水压不足，夏季用水高峰时常停水。建议统筹城乡供水规划，分年度改造老旧管网，建立农村供水工程长效管护机制。',
      '报告提出确保咸九高速建成投用。建议市政府明确建成通车时间节点，协调解决沿线征地拆迁问题，同步规划建设出入口连接线。',
      '农村学校教师流失较多。希望加大乡村教师生活补助力度，完善职称评聘向乡村倾斜的政策，稳定乡村教师队伍。',
      '个体工商户融资难、融资贵问题突出，请市政府推动金融机构开发适合小微主体的信贷产品，落实减费让利政策。',
    ];
    for (const c of ordinary) expect(warn(c), c).toEqual([]);
  });
});
