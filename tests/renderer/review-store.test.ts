/**
 * The 审校 panel's state over a fake API: grouping by section, filters, 忽略 / 恢复 (optimistic,
 * undone when the back end refuses), and what the reader underlines.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Block, ReviewCheckResult, ReviewFinding } from '../../electron/api/contract';
import { createReviewStore, findingMarks, groupFindings, visibleFindings, type ReviewFilters } from '../../renderer/store/review';
import { chartGroups, filterStatements, nextSort, signed, sortBy, valueText, type Pair } from '../../renderer/features/indicators/table';

function block(id: string, ord: number, kind: Block['kind'], part: number | null, section: number | null, text: string, path: string, headingEnd = 0): Block {
  return { id, ord, kind, text, path, level: 2, part, section, headingEnd, leadEnd: 0, sentenceEnds: [text.length] };
}

// A miniature of the bundled report's shape: a part heading, a section heading with its body, a paragraph.
const BLOCKS: Block[] = [
  block('t', 0, 'title', null, null, '政府工作报告', '标题'),
  block('p1', 1, 'part', 1, null, '一、2023年工作回顾', '第一部分'),
  block('s13', 2, 'section', 1, 3, '(三)综合施策、统筹推进,高效能治理提势赋能。作风更加优良。', '第一部分（三）', 23),
  block('p2', 3, 'part', 2, null, '二、2024年工作安排', '第二部分'),
  block('b21', 4, 'paragraph', 2, null, '深刻把握把握国际国内形势的三个重大判断', '第二部分第1段'),
  block('b27', 5, 'paragraph', 2, 7, '建议提案承办承办质量', '第二部分（七）“积极发展社会事业”段'),
];

function finding(
  id: string,
  rule: string,
  severity: ReviewFinding['severity'],
  blockId: string,
  start: number,
  excerpt: string,
  extra: Partial<ReviewFinding> = {},
): ReviewFinding {
  const b = BLOCKS.find((x) => x.id === blockId)!;
  return {
    id,
    rule,
    severity,
    blockId,
    start,
    end: start + excerpt.length,
    excerpt,
    message: `${excerpt}有问题`,
    suggestion: null,
    dismissed: false,
    path: b.path,
    part: b.part,
    section: b.section,
    ...extra,
  };
}

// Deliberately out of reading order: the panel sorts by position in the report.
const FINDINGS: ReviewFinding[] = [
  finding('f-repeat2', 'repeated-words', 'error', 'b27', 4, '承办承办', { suggestion: '承办' }),
  finding('f-punct', 'punctuation', 'warning', 's13', 0, '(', { suggestion: '（' }),
  finding('f-repeat1', 'repeated-words', 'error', 'b21', 2, '把握把握', { suggestion: '把握' }),
  finding('f-latin', 'latin-words', 'info', 's13', 10, 'and', { dismissed: true }),
];

const RESULT: ReviewCheckResult = {
  findings: FINDINGS,
  rules: [
    { id: 'repeated-words', name: '重复字词', description: '' },
    { id: 'punctuation', name: '标点符号', description: '' },
    { id: 'latin-words', name: '外文字母', description: '' },
  ],
  counts: { error: 2, warning: 1, info: 0 },
  dismissedCount: 1,
};

function fakeApi(
  overrides: Partial<Record<'review.check' | 'review.dismiss' | 'review.undismiss', (a: { versionId: string; findingId?: string }) => Promise<unknown>>> = {},
) {
  const calls: string[] = [];
  const api = {
    'review.check': vi.fn(async (a: { versionId: string }) => {
      calls.push(`check ${a.versionId}`);
      return (overrides['review.check']?.(a) as Promise<ReviewCheckResult>) ?? structuredClone(RESULT);
    }),
    'review.dismiss': vi.fn(async (a: { versionId: string; findingId: string }) => {
      calls.push(`dismiss ${a.findingId}`);
      return overrides['review.dismiss'] ? overrides['review.dismiss'](a) : { findingId: a.findingId, dismissed: true };
    }),
    'review.undismiss': vi.fn(async (a: { versionId: string; findingId: string }) => {
      calls.push(`undismiss ${a.findingId}`);
      return { findingId: a.findingId, dismissed: false };
    }),
  };
  return { api: api as never, calls };
}

const ALL: ReviewFilters = { rule: null, severities: { error: true, warning: true, info: true }, showDismissed: false };

describe('grouping findings by section', () => {
  it('groups in reading order under the part/section of the citation path, with the heading text', () => {
    const groups = groupFindings(FINDINGS, BLOCKS);
    expect(groups.map((g) => g.label)).toEqual(['第一部分（三）', '第二部分', '第二部分（七）']);
    expect(groups[0].title).toBe('综合施策、统筹推进,高效能治理提势赋能');
    expect(groups[1].title).toBe('2024年工作安排');
    expect(groups[0].findings.map((f) => f.id)).toEqual(['f-punct', 'f-latin']);
    expect(groups[2].title).toBeNull(); // no heading block for （七） in this miniature
  });

  it('still groups without the blocks (labels from the path alone), and puts the front matter first', () => {
    const front = finding('f-title', 'punctuation', 'info', 't', 0, '政', {});
    const groups = groupFindings([front, ...FINDINGS]);
    expect(groups[0].label).toBe('报告开头');
    expect(groups.every((g) => g.title === null)).toBe(true);
    expect(groups.map((g) => g.label)).toContain('第二部分（七）');
  });
});

describe('filters', () => {
  it('hides dismissed findings unless asked, and filters by rule and severity', () => {
    expect(visibleFindings(FINDINGS, ALL).map((f) => f.id)).not.toContain('f-latin');
    expect(visibleFindings(FINDINGS, { ...ALL, showDismissed: true })).toHaveLength(4);
    expect(visibleFindings(FINDINGS, { ...ALL, rule: 'repeated-words' }).map((f) => f.excerpt)).toEqual(['承办承办', '把握把握']);
    expect(visibleFindings(FINDINGS, { ...ALL, severities: { error: false, warning: true, info: true } }).map((f) => f.id)).toEqual(['f-punct']);
    expect(visibleFindings(FINDINGS, { ...ALL, rule: 'punctuation', severities: { error: true, warning: false, info: true } })).toEqual([]);
  });

  it('underlines only filtered, non-dismissed findings — even while 显示已忽略 is on', () => {
    const marks = findingMarks(FINDINGS, { ...ALL, showDismissed: true });
    expect(marks.map((m) => m.id).sort()).toEqual(['f-punct', 'f-repeat1', 'f-repeat2']);
    expect(marks.find((m) => m.id === 'f-repeat1')).toEqual({
      id: 'f-repeat1',
      blockId: 'b21',
      start: 2,
      end: 6,
      severity: 'error',
      message: '把握把握有问题',
    });
    expect(findingMarks(FINDINGS, { ...ALL, rule: 'punctuation' }).map((m) => m.id)).toEqual(['f-punct']);
  });
});

describe('the review store over a fake API', () => {
  it('loads a version once, and again only when asked or when another version opens', async () => {
    const { api, calls } = fakeApi();
    const store = createReviewStore(api);
    await store.getState().load('v1');
    await store.getState().load('v1');
    expect(calls).toEqual(['check v1']);
    expect(store.getState().findings).toHaveLength(4);
    store.getState().setRule('punctuation');
    await store.getState().load('v2');
    expect(store.getState().rule).toBeNull(); // a rule filter does not carry over to another report
    await store.getState().load('v2', true);
    expect(calls).toEqual(['check v1', 'check v2', 'check v2']);
  });

  it('drops a slow answer for a report that is no longer open', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const { api } = fakeApi({
      'review.check': async ({ versionId }) => {
        if (versionId === 'old') await slow;
        return { ...structuredClone(RESULT), findings: versionId === 'old' ? [] : structuredClone(FINDINGS) };
      },
    });
    const store = createReviewStore(api);
    const first = store.getState().load('old');
    await store.getState().load('new');
    release();
    await first;
    expect(store.getState().versionId).toBe('new');
    expect(store.getState().findings).toHaveLength(4);
    expect(store.getState().loading).toBe(false);
  });

  it('dismisses at once and restores on 恢复', async () => {
    const { api, calls } = fakeApi();
    const store = createReviewStore(api);
    await store.getState().load('v1');
    const p = store.getState().dismiss('f-repeat1');
    expect(store.getState().findings.find((f) => f.id === 'f-repeat1')?.dismissed).toBe(true); // before the back end answers
    await p;
    expect(visibleFindings(store.getState().findings, store.getState()).map((f) => f.id)).not.toContain('f-repeat1');
    await store.getState().undismiss('f-repeat1');
    expect(store.getState().findings.find((f) => f.id === 'f-repeat1')?.dismissed).toBe(false);
    expect(calls).toEqual(['check v1', 'dismiss f-repeat1', 'undismiss f-repeat1']);
  });

  it('puts a finding back and says why when the back end refuses 忽略', async () => {
    const { api } = fakeApi({
      'review.dismiss': async () => {
        throw Object.assign(new Error('找不到该报告版本，可能已被删除。'), { code: 'not-found/version' });
      },
    });
    const errors: string[] = [];
    const store = createReviewStore(api, (m) => errors.push(m));
    await store.getState().load('v1');
    await store.getState().dismiss('f-repeat1');
    expect(store.getState().findings.find((f) => f.id === 'f-repeat1')?.dismissed).toBe(false);
    expect(errors).toEqual(['找不到该报告版本，可能已被删除。']);
  });

  it('shows the error when the check fails, and a forced reload recovers', async () => {
    let fail = true;
    const { api } = fakeApi({
      'review.check': async () => {
        if (fail) throw new Error('无法连接审议台后台，请确认程序仍在运行。');
        return structuredClone(RESULT);
      },
    });
    const store = createReviewStore(api);
    await store.getState().load('v1');
    expect(store.getState().error).toBe('无法连接审议台后台，请确认程序仍在运行。');
    fail = false;
    await store.getState().load('v1');
    expect(store.getState().error).toBeNull();
    expect(store.getState().findings).toHaveLength(4);
  });

  it('toggles severities independently', () => {
    const store = createReviewStore(fakeApi().api);
    store.getState().toggleSeverity('warning');
    expect(store.getState().severities).toEqual({ error: true, warning: false, info: true });
    store.getState().toggleSeverity('warning');
    expect(store.getState().severities.warning).toBe(true);
  });
});

describe('indicator table helpers', () => {
  const ind = (metric: string, kind: 'target' | 'result', value: number, unit = '%', extra: object = {}) =>
    ({
      id: `${metric}-${kind}-${value}`,
      metric,
      kind,
      value,
      unit,
      qualifier: null,
      direction: '增长',
      year: kind === 'target' ? 2024 : 2023,
      blockId: 'b',
      start: 0,
      end: 1,
      text: `${metric}增长${value}${unit}`,
      path: '第二部分第3段',
      ...extra,
    }) as const;
  const pairs: Pair[] = [
    { metric: '地区生产总值', target: ind('地区生产总值', 'target', 6), result: ind('地区生产总值', 'result', 1.6) },
    { metric: '城镇新增就业', target: ind('城镇新增就业', 'target', 3.7, '万人') },
    { metric: '实际利用外资', target: ind('实际利用外资', 'target', 8, '%', { qualifier: '以上' }), result: ind('实际利用外资', 'result', 8930, '万美元') },
    { metric: '单位GDP能耗', target: ind('单位GDP能耗', 'target', 2.5, '%', { direction: '下降' }) },
  ];

  it('charts percentages apart from other units and leaves out a value in another unit', () => {
    const groups = chartGroups(pairs);
    expect(groups.map((g) => g.unit)).toEqual(['%', '万人']);
    expect(groups[0].metrics).toEqual(['地区生产总值', '实际利用外资', '单位GDP能耗']);
    expect(groups[0].result).toEqual([1.6, null, null]); // 8930万美元 is not a percentage
    expect(groups[0].target).toEqual([6, 8, -2.5]); // a fall plots below zero
  });

  it('sorts numbers numerically with blanks last, cycling asc → desc → off', () => {
    const value = (p: Pair) => (p.result ? signed(p.result) : null);
    expect(sortBy(pairs, { key: 'r', dir: 'asc' }, value).map((p) => p.metric)).toEqual(['地区生产总值', '实际利用外资', '城镇新增就业', '单位GDP能耗']);
    expect(sortBy(pairs, { key: 'r', dir: 'desc' }, value)[0].metric).toBe('实际利用外资');
    expect(nextSort(null, 'a')).toEqual({ key: 'a', dir: 'asc' });
    expect(nextSort({ key: 'a', dir: 'asc' }, 'a')).toEqual({ key: 'a', dir: 'desc' });
    expect(nextSort({ key: 'a', dir: 'desc' }, 'a')).toBeNull();
  });

  it('filters statements by kind and text, and says the number as written', () => {
    const all = pairs.flatMap((p) => [p.target, p.result].filter((x) => !!x));
    expect(filterStatements(all, 'result', '').map((i) => i.metric)).toEqual(['地区生产总值', '实际利用外资']);
    expect(filterStatements(all, 'all', '万人').map((i) => i.metric)).toEqual(['城镇新增就业']);
    expect(filterStatements(all, 'target', '外资')).toHaveLength(1);
    expect(valueText(pairs[2].target!)).toBe('8以上');
    expect(valueText(pairs[2].target!, false, false)).toBe('8');
    expect(valueText(pairs[3].target!)).toBe('下降2.5');
    expect(valueText({ ...pairs[0].result!, qualifier: '超过' }, true)).toBe('超过1.6%');
  });
});
