/**
 * reports.get gives every block its position as amendment lists cite it (FORMATS.md) and the
 * report's full name, so the reader's 复制引文 never cites by paragraph number.
 */
import { describe, expect, it } from 'vitest';
import type { ReaderVersion } from '../../../electron/api/contract';
import { passagePositions } from '../../../electron/core/draft/position';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-reader-positions-', () => ({ backupAtStart: false, log: () => {} }));
const { call } = env;

async function doc(): Promise<ReaderVersion> {
  const info = await call<{ startVersionId: string }>('app.info', {});
  return call<ReaderVersion>('reports.get', { versionId: info.startVersionId });
}

describe('reports.get positions', () => {
  it('words each block as 第X部分“小标题”中“段首语”一段, never by paragraph number', async () => {
    const d = await doc();
    const position = passagePositions(d.blocks);
    for (const b of d.blocks) {
      expect(b.position).toBe(position(b.id) || b.path);
      if (b.kind === 'paragraph' && b.part !== null) {
        expect(b.position).toMatch(/^第[一二三四五六七八九十]+部分.*“.+”一段$/u);
        expect(b.position).not.toMatch(/第\d+段/u);
      }
    }
    const lead = d.blocks.find((b) => b.kind === 'paragraph' && b.leadEnd > 0 && b.part !== null)!;
    expect(lead.position).toContain(`“${lead.text.slice(0, lead.leadEnd).replace(/[。；]$/u, '')}`);
  });

  it('names the report with region and year for citations', async () => {
    const d = await doc();
    expect(d.citationTitle).toMatch(/^.+[市省县区].*\d{4}年政府工作报告$/u);
    if (d.report.region) expect(d.citationTitle).toContain(d.report.region.replace(/[省市县区]$/u, ''));
    if (d.report.year) expect(d.citationTitle).toContain(`${d.report.year}年`);
  });
});
