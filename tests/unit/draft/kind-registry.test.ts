import { describe, expect, it } from 'vitest';
import { DRAFT_KINDS, ROLES, type DraftKind } from '../../../electron/core/common/vocabulary';
import { DRAFT_KIND_LABELS } from '../../../electron/core/common/labels';
import { DRAFT_KIND_MODULES, kindModule } from '../../../electron/core/draft/kinds/index';
import { KIND_SPECS, kindsForRole } from '../../../electron/core/draft/kinds';
import type { FieldSpec, SingleDraftRenderers } from '../../../electron/core/draft/kindModule';
import type { DraftFields } from '../../../electron/core/draft/types';
import { validateDraft } from '../../../electron/core/draft/validate';
import { draftTitle, draftWording } from '../../../electron/core/draft/wording';
import { draftFileStem, draftHasContent } from '../../../electron/core/draft/naming';
import { signedFields, statedAffiliation } from '../../../electron/core/draft/authorship';
import { parseStoredFields } from '../../../electron/core/draft/stored';
import { renderSingleDraft } from '../../../electron/core/draft/export/rows';
import { draftToMarkdown } from '../../../electron/core/draft/export/markdown';
import { draftToDocx } from '../../../electron/core/draft/export/docx';
import { makeDraft } from './helpers';

/** A filled, valid form of every kind: a new kind without one is a type error here. */
const FILLED = {
  amendment: { op: 'modify', original: '增长5%左右', proposed: '增长5.5%左右', reason: '与省定目标衔接' },
  opinion: { content: '建议进一步细化稳就业的具体举措。', speaker: '', delegation: '咸安代表团', date: '2024-01-20' },
  suggestion: {
    title: '关于加快城乡供水一体化建设的建议',
    session: '会议期间',
    leadDeputy: '张明',
    coDeputies: '李华、王芳',
    delegation: '咸安代表团',
    category: '社会',
    content:
      '部分乡镇供水管网老化，水压不足，夏季用水高峰时常停水。建议统筹城乡供水规划，分年度改造老旧管网，并建立农村供水工程长效管护机制，保障群众用水安全。',
  },
  proposal: {
    title: '关于加强农村养老服务的提案',
    proposer: '陈静',
    sector: '社会福利和社会保障界',
    source: '联名',
    session: '政协咸宁市第五届委员会第四次会议',
    address: '咸宁市温泉路1号',
    postcode: '437100',
    phone: '13800000000',
    email: '',
    coProposers: '刘强',
    category: '社会',
    analysis: '农村老年人口比重上升，养老服务设施不足，专业护理人员缺乏。',
    suggestions: '一、完善农村养老服务网络；二、加强护理人员培训；三、加大财政投入。',
  },
} satisfies { [K in DraftKind]: DraftFields[K] };

const CTX = {
  selection: { quote: '增长5%左右' },
  settings: { authorName: '张明', delegation: '咸安代表团', sector: '经济界', contact: '咸宁市', role: 'deputy' as const },
  today: '2024-01-20',
};

/** Renderers that record which form a draft was sent to. */
const RECORD: SingleDraftRenderers<string> = {
  proposal: (doc) => `proposal:${doc.title}`,
  suggestion: (doc) => `suggestion:${doc.title}`,
  amendmentTable: (input) => `amendmentTable:${input.rows.length}`,
  opinionList: (input) => `opinionList:${input.items.length}`,
};

const keysOf = (kind: DraftKind) => (KIND_SPECS[kind].fields as FieldSpec[]).map((f) => f.key).sort();

describe('draft kind registry', () => {
  it('registers exactly the kinds of DRAFT_KINDS, each under its own kind', () => {
    expect(Object.keys(DRAFT_KIND_MODULES)).toEqual([...DRAFT_KINDS]);
    for (const kind of DRAFT_KINDS) expect(kindModule(kind).spec.kind).toBe(kind);
    expect(Object.keys(KIND_SPECS)).toEqual([...DRAFT_KINDS]);
  });

  describe.each(DRAFT_KINDS)('%s', (kind) => {
    const mod = kindModule(kind);
    const keys = keysOf(kind);

    it('has its label, and a label for every field', () => {
      expect(mod.spec.name).toBe(DRAFT_KIND_LABELS[kind]);
      expect(mod.spec.description.trim()).not.toBe('');
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of mod.spec.fields) expect(f.label.trim(), `${kind}.${f.key}`).not.toBe('');
    });

    it('starts empty with exactly its spec keys, all strings', () => {
      for (const fields of [mod.emptyFields({}), mod.emptyFields(CTX)]) {
        expect(Object.keys(fields).sort()).toEqual(keys);
        for (const v of Object.values(fields)) expect(typeof v).toBe('string');
      }
      expect(Object.keys(FILLED[kind]).sort()).toEqual(keys);
    });

    it('names only its own fields in its length guide and authorship', () => {
      for (const f of mod.length?.fields ?? []) expect(keys).toContain(f);
      const { nameField, affiliationField } = mod.authorship;
      for (const f of [nameField, affiliationField]) if (f) expect(keys).toContain(f);
      for (const role of ROLES) expect(typeof mod.menuRank[role]).toBe('number');
    });

    it('validates, titles, words, names and exports an empty and a filled draft', async () => {
      const empty = makeDraft(kind, mod.emptyFields(CTX));
      const filled = makeDraft(kind, FILLED[kind] as DraftFields[typeof kind]);
      for (const d of [empty, filled]) {
        const v = validateDraft(d);
        expect(v.errors.every((e) => e.field !== 'kind')).toBe(true);
        expect(typeof draftTitle(d)).toBe('string');
        expect(draftTitle(d).trim()).not.toBe('');
        expect(draftWording(d).trim()).not.toBe('');
        expect(draftFileStem(d).startsWith(`${mod.spec.name}-`)).toBe(true);
        expect(typeof draftHasContent(d)).toBe('boolean');
        expect(typeof statedAffiliation(d)).toBe('string');
        signedFields(kind, d.fields, '', { name: '王芳', delegation: '咸安代表团', sector: '经济界' });
        expect(renderSingleDraft(d, { reportTitle: '政府工作报告' }, RECORD)).toMatch(/^(proposal|suggestion|amendmentTable|opinionList):/);
        expect(draftToMarkdown(d, { reportTitle: '政府工作报告' }).length).toBeGreaterThan(0);
        expect((await draftToDocx(d, { reportTitle: '政府工作报告' })).byteLength).toBeGreaterThan(0);
      }
      // the filled example is a form the office accepts, and counts as written by the user
      expect(validateDraft(filled).errors).toEqual([]);
      expect(draftHasContent(filled)).toBe(true);
    });

    it('parses stored fields into its fields: unknown keys dropped, missing ones filled', () => {
      const [first, ...rest] = keys;
      const stored = JSON.stringify({ ...Object.fromEntries(rest.map((k) => [k, (FILLED[kind] as Record<string, string>)[k]])), stray: 'x', [first]: 42 });
      const parsed = parseStoredFields(kind, stored) as Record<string, string>;
      expect(Object.keys(parsed).sort()).toEqual(keys);
      expect(parsed[first]).toBe((mod.emptyFields({}) as Record<string, string>)[first]);
      for (const k of rest) expect(parsed[k]).toBe((FILLED[kind] as Record<string, string>)[k]);
      expect(parseStoredFields(kind, JSON.stringify(FILLED[kind]))).toEqual(FILLED[kind]);
    });
  });

  it('offers every kind to every role', () => {
    for (const role of ROLES)
      expect(
        kindsForRole(role)
          .map((k) => k.kind)
          .sort(),
      ).toEqual([...DRAFT_KINDS].sort());
  });

  it('keeps a kind from a newer app as stored, and refuses to export it', () => {
    expect(parseStoredFields('motion', '{"cause":"案由","n":1}')).toEqual({ cause: '案由' });
    const bad = { ...makeDraft('opinion', FILLED.opinion), kind: 'motion' } as unknown as Parameters<typeof renderSingleDraft>[0];
    expect(() => renderSingleDraft(bad, { reportTitle: '政府工作报告' }, RECORD)).toThrow('未知的稿件类型');
    expect(validateDraft(bad).errors).toEqual([{ field: 'kind', message: '未知的稿件类型' }]);
  });
});
