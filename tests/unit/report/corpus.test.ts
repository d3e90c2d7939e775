/** Each real report in the corpus comes out with the outline a reader expects. */
import { describe, expect, it } from 'vitest';
import { summarizeOutline, reportOutline } from '../../../electron/core/report/index';
import { BEIJING, HUBEI, STATE_COUNCIL, XIANNING, blocksOfKind, importFixture } from './helpers';

describe('bundled Xianning report (newspaper copy, starts mid-way)', () => {
  const report = importFixture(XIANNING);

  it('joins paragraphs that page breaks split mid-sentence', () => {
    const joined = report.blocks.filter((b) => b.text.includes('编制村庄规划795个。'));
    expect(joined).toHaveLength(1);
    expect(joined[0].text).toMatch(/^四是突出“三农”根本/);
    expect(report.blocks.some((b) => b.text.includes('严格落实“四个不摘”要求'))).toBe(true);
    expect(report.blocks.some((b) => b.text.includes('总结推广赤壁羊楼洞港小流域综合治理试点成功经验'))).toBe(true);
    expect(report.blocks.some((b) => b.text.startsWith('个。') || b.text.startsWith('不摘”') || b.text.startsWith('理试点'))).toBe(false);
    const joins = report.repairs.filter((r) => r.kind === 'paragraphs-joined');
    expect(joins.map((r) => r.text)).toContain('…推进。编制村庄规划795|个。实施乡村建设项目12…');
    expect(joins).toHaveLength(4);
  });

  it('does not join a paragraph that ends a sentence to the next one', () => {
    // 具体抓了七个方面工作: ends with a colon; the 一是 item after it stays separate.
    const intro = report.blocks.find((b) => b.text.startsWith('具体抓了七个方面工作'));
    expect(intro?.text).toBe('具体抓了七个方面工作:');
    expect(report.blocks.find((b) => b.text.startsWith('二、'))?.text).toBe('二、2024年工作安排');
  });

  it('removes the continuation marker and lists it', () => {
    expect(report.blocks.some((b) => b.text.includes('上接第一版'))).toBe(false);
    expect(report.artifacts).toEqual([{ kind: 'continuation-marker', text: '(上接第一版)', line: 5 }]);
    expect(report.repairs.some((r) => r.kind === 'artifact-removed' && r.text === '(上接第一版)')).toBe(true);
  });

  it('has three parts and twelve sections, the first part inferred from 二、', () => {
    const outline = reportOutline(report);
    expect(outline.map((p) => p.part)).toEqual([1, 2, 3]);
    expect(outline[0].heading).toBeNull();
    expect(outline.map((p) => p.sections.map((s) => s.section))).toEqual([[3], [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4]]);
    expect(summarizeOutline(report)).toMatchObject({ parts: 3, sections: 12 });
  });

  it('keeps an inline section heading with its body in one block', () => {
    const s = report.blocks.find((b) => b.kind === 'section' && b.part === 1)!;
    expect(s.path).toBe('第一部分（三）');
    expect(s.text.slice(0, s.headingEnd)).toBe('(三)综合施策、统筹推进,高效能治理提势赋能。');
    expect(s.text.slice(s.headingEnd)).toMatch(/^作风更加优良。/);
  });

  it('cites paragraphs by lead sentence, or by number within the section', () => {
    const invest = report.blocks.find((b) => b.text.startsWith('着力扩大有效投资。'))!;
    expect(invest.path).toBe('第二部分（一）“着力扩大有效投资”段');
    expect(invest.text.slice(0, invest.leadEnd)).toBe('着力扩大有效投资。');
    expect(invest.level).toBe(3);
    const noLead = report.blocks.find((b) => b.text.startsWith('强化以商招商'))!;
    expect(noLead.leadEnd).toBe(0);
    expect(noLead.path).toBe('第二部分（一）第3段');
    expect(report.blocks.find((b) => b.kind === 'part' && b.part === 2)?.path).toBe('第二部分');
    expect(report.blocks.find((b) => b.text.startsWith('(四)坚持廉洁从政'))?.path).toBe('第三部分（四）');
  });

  it('marks items, the title and the closing', () => {
    expect(report.blocks[0]).toMatchObject({ kind: 'title', text: '政府工作报告', path: '标题', level: 0 });
    const items = blocksOfKind(report, 'item');
    expect(items.map((b) => b.text.slice(0, 2))).toEqual(['一是', '二是', '三是', '四是', '五是', '六是', '七是']);
    expect(items[0].path).toBe('第一部分（三）“一是突出负重求实，着力稳住经济大盘”段');
    const last = report.blocks[report.blocks.length - 1];
    expect(last).toMatchObject({ kind: 'closing', path: '结尾' });
    expect(last.text).toMatch(/^各位代表!惟有不懈奋斗/);
  });

  it('fills title, region and the year of delivery', () => {
    expect(report).toMatchObject({ title: '政府工作报告', region: '咸宁市', year: 2024, sourceFormat: 'txt', sourceEncoding: 'utf-8' });
  });
});

describe('State Council 2024 (title, date and speaker on one line)', () => {
  const report = importFixture(STATE_COUNCIL);

  it('splits the first line into title and meta blocks', () => {
    expect(report.blocks.slice(0, 4).map((b) => [b.kind, b.text])).toEqual([
      ['title', '政府工作报告'],
      ['meta', '——2024年3月5日在第十四届全国人民代表大会第二次会议上'],
      ['meta', '国务院总理 李强'],
      ['salutation', '各位代表：'],
    ]);
    expect(report).toMatchObject({ title: '政府工作报告', date: '2024年3月5日', speaker: '李强', region: '国务院', year: 2024 });
  });

  it('has three parts, ten sections in part three, and lead sentences', () => {
    const outline = reportOutline(report);
    expect(outline.map((p) => [p.part, p.sections.length])).toEqual([
      [1, 0],
      [2, 0],
      [3, 10],
    ]);
    expect(outline[2].sections[0].heading).toBe('（一）大力推进现代化产业体系建设，加快发展新质生产力。');
    expect(outline[2].sections[0].leads.map((l) => l.lead)).toEqual(['推动产业链供应链优化升级', '积极培育新兴产业和未来产业', '深入推进数字经济创新发展']);
    expect(summarizeOutline(report).leads).toBeGreaterThan(40);
  });

  it('cites the review items and the lead paragraphs as deputies do', () => {
    const paths = report.blocks.map((b) => b.path);
    expect(paths).toContain('第一部分“经济总体回升向好”段');
    expect(paths).toContain('第三部分（五）“推动高质量共建‘一带一路’走深走实”段');
    expect(paths).toContain('开头第1段');
  });

  it('treats the last 各位代表！ and what follows as the closing, earlier ones as addresses', () => {
    const closing = blocksOfKind(report, 'closing');
    expect(closing.map((b) => b.path)).toEqual(['结尾', '结尾第2段']);
    expect(closing[1].text).toMatch(/^使命重在担当/);
    expect(blocksOfKind(report, 'salutation').map((b) => b.path)).toEqual(['称呼', '第一部分第18段', '第三部分第2段', '第三部分第6段']);
    // A standalone 各位代表！ closes section （十）: what follows is cited at part level.
    expect(report.blocks.find((b) => b.text.startsWith('深入推进依法行政'))?.path).toBe('第三部分“深入推进依法行政”段');
  });
});

describe('Hubei 2025 docx (headings only in bold runs)', () => {
  const report = importFixture(HUBEI);

  it('finds title, source note, meta and outline', () => {
    expect(report.blocks.slice(0, 4).map((b) => b.kind)).toEqual(['title', 'note', 'meta', 'salutation']);
    expect(report).toMatchObject({ title: '2025年湖北省政府工作报告', date: '2025年1月16日', speaker: '李殿勋', region: '湖北省', year: 2025 });
    expect(reportOutline(report).map((p) => [p.part, p.sections.length])).toEqual([
      [1, 8],
      [2, 8],
      [3, 0],
    ]);
  });

  it('ends an inline section heading at its first sentence even when bold runs on into the body', () => {
    const s6 = report.blocks.find((b) => b.kind === 'section' && b.part === 2 && b.section === 6)!;
    expect(s6.text.slice(0, s6.headingEnd)).toBe('（六）在全面推进绿色低碳循环发展上走在前列，努力绘就美丽湖北新画卷。');
    const s1 = report.blocks.find((b) => b.kind === 'section' && b.part === 2 && b.section === 1)!;
    expect(s1.text.slice(0, s1.headingEnd)).toBe('（一）在全方位扩大内需上持续加力，切实巩固经济稳中向好发展态势。');
  });

  it('does not take 各位代表！ for a lead sentence', () => {
    const address = report.blocks.find((b) => b.text.startsWith('各位代表！“家事国事'))!;
    expect(address.leadEnd).toBe(0);
    expect(address.path).toMatch(/^第二部分（七）第\d+段$/);
  });
});

describe('Beijing 2025 docx (standalone section headings, bold lead sentences)', () => {
  const report = importFixture(BEIJING);

  it('has two parts, eleven sections and bold leads', () => {
    expect(reportOutline(report).map((p) => [p.part, p.sections.length])).toEqual([
      [1, 0],
      [2, 11],
    ]);
    const s1 = report.blocks.find((b) => b.kind === 'section' && b.section === 1)!;
    expect(s1.text).toBe('（一）充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破');
    expect(s1.headingEnd).toBe(s1.text.length);
    expect(report).toMatchObject({ speaker: '殷勇', region: '北京市', year: 2025 });
  });

  it('strips the full-width indentation and uses bold runs as lead sentences', () => {
    expect(report.blocks.every((b) => !/^[\s\u3000]/.test(b.text))).toBe(true);
    // A 30-character lead with a comma: only the bold run makes it a lead.
    const item = report.blocks.find((b) => b.text.startsWith('二是深入实施京津冀协同发展战略'))!;
    expect(item.text.slice(0, item.leadEnd)).toBe('二是深入实施京津冀协同发展战略，更加紧密的发展格局逐步形成。');
    const p = report.blocks.find((b) => b.text.startsWith('健全经济高质量发展体制机制'))!;
    expect(p.path).toBe('第二部分（一）“健全经济高质量发展体制机制”段');
    // The paragraph under a standalone heading is the section's first paragraph.
    expect(report.blocks.find((b) => b.text.startsWith('全面贯彻落实中央改革决定'))?.path).toBe('第二部分（一）第1段');
  });

  it('keeps only the final 各位代表！ paragraph as the closing', () => {
    expect(blocksOfKind(report, 'closing').map((b) => b.text.slice(0, 10))).toEqual(['各位代表！征程万里阔']);
  });
});

describe('every corpus report', () => {
  it.each([XIANNING, STATE_COUNCIL, HUBEI, BEIJING])('%s has unique ids, ordered blocks and sentence ends', (name) => {
    const report = importFixture(name);
    expect(new Set(report.blocks.map((b) => b.id)).size).toBe(report.blocks.length);
    report.blocks.forEach((b, i) => {
      expect(b.ord).toBe(i);
      expect(b.id).toMatch(/^p-[0-9a-f]{8}$/);
      expect(b.text.trim()).toBe(b.text);
      expect(b.text.length).toBeGreaterThan(0);
      expect(b.sentenceEnds[b.sentenceEnds.length - 1]).toBe(b.text.length);
      expect(b.path).not.toBe('');
    });
  });
});
