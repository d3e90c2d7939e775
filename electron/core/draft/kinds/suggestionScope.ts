/**
 * What the 人大 office does not accept as a 代表建议 (FORMATS.md): personal or family affairs,
 * matters outside the government's remit (a court case, petitions and forwarded letters),
 * academic debate or advertising, and text with no concrete request. Word lists cannot judge a
 * suggestion, so these are gentle warnings the deputy may ignore — never errors. Each check is
 * a few literal-ish patterns without nested repetition (linear on any text).
 */
import type { IssueSink } from '../kindModule';

interface ScopeCheck {
  pattern: RegExp;
  message: string;
}

const CHECKS: readonly ScopeCheck[] = [
  {
    pattern: /本人的|我家|我的(?:家人|孩子|儿子|女儿|父亲|母亲|妻子|丈夫|房子|工资|职称)|家属的|个人(?:待遇|工资|职称|住房|户口|安置|纠纷|恩怨)/u,
    message: '内容似涉及个人或家庭事务：解决个人问题的事项一般不作为代表建议，可通过信访等渠道反映',
  },
  {
    pattern: /(?:具体)?案件的?(?:判决|审理|裁判|执行)|申诉|上访材料|信访件|(?:转交|转递|代转)[^。]{0,12}来信/u,
    message: '内容似涉及具体案件、申诉或转交的来信：这类事项不属于代表建议的范围，请通过相应渠道反映',
  },
  {
    pattern: /学术(?:争鸣|争论|观点|流派)|(?:推荐|推广)(?:使用|购买)?(?:本|我)(?:公司|单位)(?:的)?产品|广告宣传/u,
    message: '内容似属学术讨论或产品推介：代表建议应就政府工作提出，不宜用于学术争论或广告宣传',
  },
];

// Words that carry a request: without any of them the text describes but does not ask.
const ASKS = /建议|应当|应该|要求|请|希望|呼吁|恳请|加大|加强|加快|推动|推进|完善|出台|制定|设立|建立|提高|增加|落实|尽快|支持|鼓励|优化|解决/u;

export function checkSuggestionScope(content: string, out: IssueSink): void {
  const text = content.trim();
  if (!text) return;
  for (const c of CHECKS) if (c.pattern.test(text)) out.warn('content', c.message);
  if (!ASKS.test(text)) out.warn('content', '内容中没有看到具体的建议或要求：请写明希望由谁、做什么、怎么做');
}
