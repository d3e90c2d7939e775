import type { TextTarget } from '../anchor/types';

import type { AmendmentOp, DraftKind, DraftStatus } from '../common/vocabulary';
export type { AmendmentOp, DraftKind, DraftStatus };

/** 修改意见 */
export type AmendmentFields = {
  op: AmendmentOp;
  /** 原文: the quote being changed; for `add`, the text after which to insert */
  original: string;
  /** 新文 / text to add; empty for delete */
  proposed: string;
  /** 理由 */
  reason: string;
};
/** 审议意见 */
export type OpinionFields = {
  content: string;
  /** 发言人: the secretariat records other members' remarks too; follows the 提出人 by default */
  speaker: string;
  /** 代表团/小组 (or 界别 for members) */
  delegation: string;
  date: string;
};
/** 代表建议 */
export type SuggestionFields = {
  title: string; // 关于……的建议
  session: string; // 会议期间 / 闭会期间
  leadDeputy: string; // 领衔代表
  coDeputies: string; // 附议代表 (顿号/逗号分隔)
  delegation: string; // 代表团
  category: string; // 类别
  content: string; // 内容
};
/** 政协提案 */
export type ProposalFields = {
  title: string; // 案由: 关于……的提案
  proposer: string; // 提案人
  sector: string; // 界别/组别
  /** 个人 / 联名 / 界别 / 小组 / 组织 */
  source: string;
  /** 会议名称, e.g. 政协咸宁市第五届委员会第四次会议 */
  session: string;
  address: string; // 通讯地址
  postcode: string; // 邮政编码
  phone: string; // 联系电话
  email: string; // 电子邮箱
  coProposers: string; // 联名提案人
  category: string; // 类别: 经济、政治、文化、社会、生态文明…
  analysis: string; // 情况分析
  suggestions: string; // 具体建议
};

/** Field types are object type aliases (not interfaces) so each is a `Record<string, string>` too. */
export type DraftFields = {
  amendment: AmendmentFields;
  opinion: OpinionFields;
  suggestion: SuggestionFields;
  proposal: ProposalFields;
};

export interface Draft<K extends DraftKind = DraftKind> {
  id: string;
  reportId: string;
  versionId: string;
  kind: K;
  title: string;
  fields: DraftFields[K];
  status: DraftStatus;
  author: string;
  createdAt: string;
  updatedAt: string;
  targets: (TextTarget & { path: string })[];
}
