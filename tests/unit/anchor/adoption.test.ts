/** Whether a revision appears to adopt a 修改意见, on text from the Xianning report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptionHint } from '../../../electron/core/anchor/adoption';
import { paragraphsOf, Revision } from '../../helpers/anchor-revision';

const xianning = paragraphsOf(readFileSync(join(import.meta.dirname, '../../fixtures/xianning-2024-gov-work-report.txt'), 'utf8'));
const b = xianning.findIndex((x) => x.text.includes('持续推进外贸“三项工程”'));
const text = xianning[b].text;
const k = text.indexOf('着力引进');

describe('adoptionHint', () => {
  const amendment = { op: 'modify' as const, original: '着力引进一批出口型生产企业', proposed: '大力引进一批出口型生产企业' };

  it('says yes when the new wording is there and the old one gone (even with width changes)', () => {
    const rev = new Revision(xianning).replace(b, k, k + 2, '大力').build({ fullWidth: true });
    const hint = adoptionHint(amendment, rev.blocks);
    expect(hint.adopted).toBe('yes');
    expect(hint.reason).toContain('大力引进');
  });

  it('says no when the original wording is unchanged', () => {
    expect(adoptionHint(amendment, xianning).adopted).toBe('no');
    expect(adoptionHint(amendment, xianning).reason).toContain('未改动');
  });

  it('says partly when the text was changed to a wording close to the proposal', () => {
    const rev = new Revision(xianning).replace(b, k, k + 4, '大力招引').build();
    expect(adoptionHint(amendment, rev.blocks).adopted).toBe('partly');
  });

  it('asks for a human look when the original was changed to something else', () => {
    const rev = new Revision(xianning).replace(b, k, k + 13, '加快培育本地龙头企业').build();
    expect(adoptionHint(amendment, rev.blocks)).toMatchObject({ adopted: 'unknown' });
  });

  it('judges a deletion and an addition, confined to the aligned paragraph when given', () => {
    const sentence = '探索服务贸易代理业务。';
    const del = { op: 'delete' as const, original: sentence, proposed: '' };
    expect(adoptionHint(del, xianning).adopted).toBe('no');
    const s = text.indexOf(sentence);
    const rev = new Revision(xianning).replace(b, s, s + sentence.length, '').build();
    expect(adoptionHint(del, rev.blocks).adopted).toBe('yes');

    const add = { op: 'add' as const, original: '', proposed: '积极发展跨境电商。' };
    expect(adoptionHint(add, xianning).adopted).toBe('no');
    const added = new Revision(xianning).replace(b, text.length, text.length, '积极发展跨境电商。').build();
    expect(adoptionHint(add, added.blocks, added.blocks[b].text).adopted).toBe('yes');
    // Present elsewhere in the report but not in the paragraph it was proposed for: not adopted there.
    expect(adoptionHint({ op: 'add', original: '', proposed: '深化河湖长制工作' }, xianning, text).adopted).toBe('no');
  });

  it('cannot judge an amendment without text', () => {
    expect(adoptionHint({ op: 'add', original: '', proposed: '' }, xianning).adopted).toBe('unknown');
    expect(adoptionHint({ op: 'delete', original: ' ', proposed: '' }, xianning).adopted).toBe('unknown');
  });
});
