import { describe, expect, it } from 'vitest';
import { toAnnotationCollection, toWebAnnotations, urnUuid, webAnnotationJson } from '../../../electron/core/draft/export/webannotation';
import { blockTextLookup, xianning } from './helpers';
import { annotations, investBlock } from './exportData';

const input = { reportId: 'rep-1', versionId: 'ver-2', label: '2024年咸宁市政府工作报告 征求意见稿', annotations };

describe('W3C Web Annotation export', () => {
  it('gives each annotation the anno.jsonld context, a urn:uuid id and the right motivation', () => {
    const [a, b] = toWebAnnotations(input);
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.type).toBe('Annotation');
    expect(a.id).toBe('urn:uuid:0b7e4a52-3c1d-4f7a-9a51-2f6a1c8d9e01');
    expect(a.motivation).toBe('commenting');
    expect(b.motivation).toBe('highlighting');
    expect(b.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(urnUuid('local-42')).toBe(b.id); // stable across exports
    expect(a.created).toBe('2024-01-20T09:00:00.000Z');
    expect(a.modified).toBe('2024-01-20T10:00:00.000Z');
    expect(a.creator).toEqual({ type: 'Person', name: '张明' });
  });

  it('carries the note as a plain-text Chinese comment and each tag as a tagging body', () => {
    const [a, b] = toWebAnnotations(input);
    expect(a.body).toEqual([
      {
        type: 'TextualBody',
        value: '交通项目是今年投资的重头，需关注进度。',
        purpose: 'commenting',
        format: 'text/plain',
        language: 'zh',
      },
      { type: 'TextualBody', value: '交通', purpose: 'tagging' },
      { type: 'TextualBody', value: '投资', purpose: 'tagging' },
    ]);
    expect(b.body).toBeUndefined();
  });

  it('targets the block with a TextPositionSelector and a TextQuoteSelector', () => {
    const [a] = toWebAnnotations(input);
    expect(a.target).toHaveLength(1);
    const t = a.target[0];
    expect(t.source).toBe(`urn:reviewdesk:report:rep-1:version:ver-2#${encodeURIComponent(investBlock.id)}`);
    const [pos, q] = t.selector;
    expect(pos.type).toBe('TextPositionSelector');
    expect(investBlock.text.slice(pos.start, pos.end)).toBe('确保咸九高速建成投用');
    expect(q).toMatchObject({ type: 'TextQuoteSelector', exact: '确保咸九高速建成投用' });
    expect(investBlock.text.slice(0, pos.start).endsWith(q.prefix ?? '')).toBe(true);
    // colour travels the standard way: a CSS class on the target plus a stylesheet
    expect(t.styleClass).toBe('rd-hl-fde68a');
    expect(a.stylesheet?.value).toContain('background-color: #fde68a');
  });

  it('emits one target per block for a mark spanning blocks, and drops marks with no target', () => {
    const spanning = { ...annotations[0], id: 'x', targets: [...annotations[0].targets, ...annotations[1].targets] };
    const none = { ...annotations[0], id: 'y', targets: [] };
    const out = toWebAnnotations({ ...input, annotations: [spanning, none] });
    expect(out).toHaveLength(1);
    expect(out[0].target.map((t) => t.source.split('#')[1])).toEqual(spanning.targets.map((t) => encodeURIComponent(t.blockId)));
  });

  it('counts positions in code points when the block text is known', () => {
    const text = '𬌗𬌗头村建成投用';
    const ann = {
      ...annotations[0],
      targets: [{ blockId: 'bx', start: 4, end: 7, exact: '头村建', prefix: '𬌗𬌗', suffix: '成投用', path: 'p' }],
    };
    const [withText] = toWebAnnotations({ ...input, annotations: [ann], blockText: (id) => (id === 'bx' ? text : undefined) });
    expect(withText.target[0].selector[0]).toEqual({ type: 'TextPositionSelector', start: 2, end: 5 });
    const [withLookup] = toWebAnnotations({ ...input, blockText: blockTextLookup(xianning.blocks) });
    expect(withLookup.target[0].selector[0].start).toBe(annotations[0].targets[0].start); // BMP text: same offsets
  });

  it('wraps everything in an AnnotationCollection with an embedded first page', () => {
    const c = toAnnotationCollection(input);
    expect(c).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
      label: input.label,
    });
    expect(c.first.type).toBe('AnnotationPage');
    expect(c.first.items).toHaveLength(2);
    expect(c.first.items[0]['@context']).toBeUndefined();
    const parsed = JSON.parse(webAnnotationJson(input, 'array'));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed[0]['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  });
});
