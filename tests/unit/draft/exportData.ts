/** Realistic export inputs built on the bundled report: amendments, opinions, a proposal, annotations. */
import type { AmendmentTableInput, ExportAnnotation, ProposalDoc, SuggestionDoc } from '../../../electron/core/draft/export/types';
import { blockWith, targetOn, xianning } from './helpers';

export const investBlock = blockWith(xianning.blocks, '确保咸九高速建成投用');
export const styleBlock = blockWith(xianning.blocks, '“深实严细久”工作标准');
export const PATH = '第二部分（一）“着力扩大有效投资”段';

export const amendmentTable: AmendmentTableInput = {
  reportTitle: '2024年咸宁市政府工作报告',
  versionLabel: '征求意见稿',
  compiledBy: '咸安代表团',
  date: '2024-01-21',
  rows: [
    {
      path: PATH,
      op: 'modify',
      original: '确保咸九高速建成投用',
      proposed: '确保咸九高速上半年建成投用',
      reason: '明确时间节点，便于督办',
      author: '张明',
      affiliation: '咸安代表团',
    },
    {
      path: '第一部分（三）“作风更加优良”段',
      op: 'add',
      original: '践行“深实严细久”工作标准',
      proposed: '，健全"马上就办"机制',
      reason: '理由含逗号, 引号"和\n换行',
      author: '李华',
      affiliation: '经济界',
    },
    {
      path: '第一部分（三）“机制更加优化”段',
      op: 'delete',
      original: '，结项70项',
      proposed: '',
      reason: '=数据口径不一',
      author: '王强',
    },
  ],
};

export const proposal: ProposalDoc = {
  title: '关于加快咸宁城区停车设施建设的提案',
  proposer: '李华',
  sector: '经济界',
  source: '联名',
  address: '咸宁市咸安区温泉路1号',
  postcode: '437000',
  phone: '0715-8000000',
  email: 'lihua@example.com',
  coProposers: '王强、陈静',
  category: '社会',
  analysis: '近年来我市机动车保有量快速增长，主城区停车泊位缺口较大。\n老旧小区、医院、学校周边停车难问题突出。',
  suggestions: '一是编制城区停车设施专项规划。\n二是利用边角地建设立体停车场。\n三是推动机关企事业单位停车场错时开放。',
  session: '政协咸宁市第五届委员会第三次会议',
};

export const suggestion: SuggestionDoc = {
  title: '关于加快推进咸九高速建设的建议',
  session: '会议期间',
  leadDeputy: '张明',
  coDeputies: '刘芳、赵磊',
  delegation: '咸安代表团',
  category: '经济',
  content: '报告提出确保咸九高速建成投用。\n建议明确建成通车时间节点，同步规划建设出入口连接线。',
};

export const annotations: ExportAnnotation[] = [
  {
    id: '0b7e4a52-3c1d-4f7a-9a51-2f6a1c8d9e01',
    color: '#fde68a',
    colorLabel: '重点',
    note: '交通项目是今年投资的重头，需关注进度。',
    tags: ['交通', '投资'],
    author: '张明',
    createdAt: '2024-01-20T09:00:00.000Z',
    updatedAt: '2024-01-20T10:00:00.000Z',
    targets: [targetOn(investBlock, '确保咸九高速建成投用', PATH)],
  },
  {
    id: 'local-42',
    color: 'red',
    colorLabel: '疑问',
    note: '',
    tags: [],
    author: '张明',
    createdAt: '2024-01-20T11:00:00.000Z',
    updatedAt: '2024-01-20T11:00:00.000Z',
    targets: [targetOn(styleBlock, '“深实严细久”工作标准', '第一部分（三）“作风更加优良”段')],
  },
];
