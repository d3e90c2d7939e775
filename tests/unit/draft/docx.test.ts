import { describe, expect, it } from 'vitest';
import { amendmentTableDocx, digestDocx, draftToDocx, opinionListDocx, proposalDocx, suggestionDocx } from '../../../electron/core/draft/export/docx';
import { digestFromAnnotations } from '../../../electron/core/draft/export/rows';
import type { Draft } from '../../../electron/core/draft/types';
import { docxTableRows, makeDraft, readDocx } from './helpers';
import { amendmentTable, annotations, PATH, proposal, suggestion } from './exportData';

const sectPr = (xml: string) => xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)?.[0] ?? '';

describe('docx: 政协提案', () => {
  it('lays out the form: 提案 heading, proposer table, 情况分析 and 具体建议', async () => {
    const { xml, text, files } = readDocx(await proposalDocx(proposal));
    expect(files).toContain('word/document.xml');
    // the blank 编号 box the committee fills comes first, then the heading
    expect(text.trimStart().startsWith('编号')).toBe(true);
    expect(text.indexOf('编号')).toBeLessThan(text.indexOf('提案\n'));
    expect(docxTableRows(xml)).toEqual([
      '编号|',
      '案由|关于加快咸宁城区停车设施建设的提案',
      '提案人|李华|界别（组别）|经济界',
      '提案来源|联名|类别|社会',
      '联名提案人|王强、陈静',
      '通讯地址|咸宁市咸安区温泉路1号',
      '邮政编码|437000|联系电话|0715-8000000',
      '电子邮箱|lihua@example.com',
      // left blank for the committee, after the member's text
      '审查意见|',
      '承办单位|',
    ]);
    expect(text.indexOf('以下由提案委员会填写')).toBeGreaterThan(text.indexOf('三是推动机关企事业单位停车场错时开放。'));
    // sections in order, each line of the user's text its own paragraph
    const order = ['政协咸宁市第五届委员会第三次会议', '一、情况分析', '主城区停车泊位缺口较大。\n', '二、具体建议', '三是推动机关企事业单位停车场错时开放。'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A4 portrait, official fonts requested
    expect(sectPr(xml)).toContain('w:w="11906" w:h="16838"');
    expect(sectPr(xml)).not.toContain('landscape');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });
});

describe('docx: 代表建议', () => {
  it('has the title, deputies, delegation, category and content', async () => {
    const { xml, text } = readDocx(await suggestionDocx(suggestion));
    expect(text).toContain('关于加快推进咸九高速建设的建议');
    expect(docxTableRows(xml)).toEqual([
      '标题|关于加快推进咸九高速建设的建议',
      '领衔代表|张明|代表团|咸安代表团',
      '附议代表|刘芳、赵磊',
      '类别|经济|提出时间|会议期间',
    ]);
    expect(text.indexOf('内容')).toBeLessThan(text.indexOf('同步规划建设出入口连接线'));
  });
});

describe('docx: 修改意见汇总表', () => {
  it('is a landscape A4 table with a repeating header and one row per amendment in the official wording', async () => {
    const { xml, text } = readDocx(await amendmentTableDocx(amendmentTable));
    expect(sectPr(xml)).toContain('w:orient="landscape"');
    expect(sectPr(xml)).toContain('w:w="16838" w:h="11906"');
    expect(text).toContain('《2024年咸宁市政府工作报告》修改意见汇总表');
    expect(text).toContain('共3条');
    const rows = docxTableRows(xml);
    expect(rows[0]).toBe('序号|位置|原文|修改意见|理由|提出人');
    const header = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(header).toContain('<w:tblHeader/>');
    expect(rows.slice(1)).toEqual([
      `1|${PATH}|确保咸九高速建成投用|将“确保咸九高速建成投用”修改为“确保咸九高速上半年建成投用”|明确时间节点，便于督办|张明\n（咸安代表团）`,
      '2|第一部分（三）“作风更加优良”段|践行“深实严细久”工作标准|在“践行‘深实严细久’工作标准”后增加“，健全‘马上就办’机制”|理由含逗号, 引号"和\n换行|李华\n（经济界）',
      '3|第一部分（三）“机制更加优化”段|，结项70项|删去“，结项70项”|=数据口径不一|王强',
    ]);
  });

  it('says so when there is nothing to list', async () => {
    const { xml } = readDocx(await amendmentTableDocx({ reportTitle: '政府工作报告', rows: [] }));
    expect(docxTableRows(xml)).toEqual(['序号|位置|原文|修改意见|理由|提出人', '（暂无修改意见）']);
  });
});

describe('docx: 审议意见 and single drafts', () => {
  it('lists opinions with passage, text and attribution', async () => {
    const { text } = readDocx(
      await opinionListDocx({
        reportTitle: '2024年咸宁市政府工作报告',
        items: [
          {
            path: PATH,
            quote: '持续开展“项目攻坚年”活动',
            content: '建议细化重大项目清单。',
            author: '张明',
            delegation: '咸安代表团',
            date: '2024-01-20',
          },
          { path: '', content: '报告实事求是，赞成。', author: '刘芳', delegation: '', date: '' },
        ],
      }),
    );
    // grouped per 代表团, then per passage, each speaker's points under it
    const order = [
      '审议意见',
      '一、咸安代表团',
      `（一）关于${PATH}`,
      '原文：“持续开展‘项目攻坚年’活动”',
      '张明（2024年1月20日）：建议细化重大项目清单。',
      '二、未注明代表团',
      '（一）关于报告总体',
      '刘芳：报告实事求是，赞成。',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('exports one amendment draft as a one-row landscape table', async () => {
    const d = makeDraft(
      'amendment',
      { op: 'delete', original: '，结项70项', proposed: '被忽略', reason: '' },
      {
        targets: [
          {
            blockId: 'b1',
            start: 0,
            end: 6,
            exact: '，结项70项',
            prefix: '',
            suffix: '',
            path: '第一部分（三）“机制更加优化”段',
          },
        ],
      },
    );
    const { xml } = readDocx(await draftToDocx(d, { reportTitle: '政府工作报告', affiliation: '咸安代表团' }));
    expect(sectPr(xml)).toContain('landscape');
    expect(docxTableRows(xml)[1]).toBe('1|第一部分（三）“机制更加优化”段|，结项70项|删去“，结项70项”||张明\n（咸安代表团）');
  });

  it('refuses an unknown kind with a Chinese message', async () => {
    const bad = { ...makeDraft('proposal', proposal), kind: 'motion' } as unknown as Draft;
    await expect(draftToDocx(bad, { reportTitle: '政府工作报告' })).rejects.toMatchObject({
      code: 'draft.unknownKind',
      message: '无法导出：未知的稿件类型“motion”',
    });
  });

  it('exports a proposal draft as the proposal form', async () => {
    const { text } = readDocx(await draftToDocx(makeDraft('proposal', proposal), { reportTitle: '政府工作报告' }));
    expect(text).toContain('一、情况分析');
  });
});

describe('docx: annotation digest', () => {
  it('groups highlights and notes by passage with colour label, tags, author and time', async () => {
    const digest = digestFromAnnotations({ reportTitle: '2024年咸宁市政府工作报告', versionLabel: '征求意见稿', annotations });
    const { text } = readDocx(await digestDocx(digest));
    expect(text).toContain('《2024年咸宁市政府工作报告》批注摘要');
    expect(text).toContain('征求意见稿　共2条');
    const i1 = text.indexOf(PATH);
    const i2 = text.indexOf('【重点】“确保咸九高速建成投用”');
    const i3 = text.indexOf('交通项目是今年投资的重头');
    const i4 = text.indexOf('标签：交通、投资　张明　2024-01-20T09:00:00.000Z');
    expect([i1, i2, i3, i4].every((i) => i >= 0)).toBe(true);
    expect([i1, i2, i3, i4]).toEqual([...[i1, i2, i3, i4]].sort((a, b) => a - b));
    expect(text).toContain('【疑问】“‘深实严细久’工作标准”');
  });
});
