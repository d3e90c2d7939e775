/** 繁体字、异体字: characters that do not belong in a simplified-Chinese report (戶 → 户). */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { nonSimplifiedMap, nonSimplifiedTable } from './simplified-chars';

export const traditionalCharsRule: ReviewRule = {
  meta: {
    id: 'traditional-chars',
    name: '繁体字异体字',
    description: '简体文本中混入的繁体字、异体字（如“戶”应为“户”），依据 OpenCC 繁简对照',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const map = nonSimplifiedMap();
    const flagged = nonSimplifiedTable();
    const out: RawFinding[] = [];
    for (const b of blocks) {
      const t = b.text;
      for (let i = 0; i < t.length; i++) {
        if (!flagged[t.charCodeAt(i)]) continue;
        const hit = map.get(t[i]);
        if (!hit) continue;
        out.push({
          blockId: b.id,
          severity: hit.kind === 'traditional' ? 'error' : 'warning',
          start: i,
          end: i + 1,
          message: hit.kind === 'traditional' ? `繁体字“${t[i]}”，简体文本中应为“${hit.to}”` : `异体字“${t[i]}”，规范字为“${hit.to}”`,
          suggestion: hit.to,
        });
      }
    }
    return out;
  },
};
