/**
 * Which characters do not belong in a simplified-Chinese text, built once from OpenCC's
 * traditional→simplified dictionaries (opencc-js), the same data trusted by converters everywhere.
 *
 * A character is flagged when OpenCC converts it to something else AND it is not itself a standard
 * simplified character. "Standard" = in GB 2312 (the simplified repertoire), which keeps 著 (显著),
 * 乾 (乾坤), 么 (什么), 夥, 薹 (蒜薹), 吒 (哪吒)… quiet. GB 2312 also carries a handful of old forms
 * (後, 於, 徵) that a modern report never needs; those are listed explicitly.
 */
import * as OpenCC from 'opencc-js/t2cn';
import iconv from 'iconv-lite';

export interface NonSimplified {
  /** The simplified character to use instead. */
  to: string;
  /** traditional = a 繁体字 proper; variant = a regional variant (峯, 綫) or compatibility ideograph. */
  kind: 'traditional' | 'variant';
}

/** In GB 2312 but obsolete (後) or standard only in a rare sense (於 as a surname, 徵 in 宫商角徵羽). */
const OLD_FORMS_IN_GB2312 = new Set(['後', '於', '徵']);
const RARE_SENSE = new Set(['於', '徵']);

let cache: Map<string, NonSimplified> | null = null;
let table: Uint8Array | null = null;

function inGb2312(ch: string): boolean {
  const b = iconv.encode(ch, 'gbk');
  // GB 2312 hanzi live in rows 0xB0–0xF7, columns 0xA1–0xFE of the GBK code space.
  return b.length === 2 && b[0] >= 0xb0 && b[0] <= 0xf7 && b[1] >= 0xa1 && b[1] <= 0xfe;
}

/** The lazily built map (module-level cache: built on first use, never per call). */
export function nonSimplifiedMap(): Map<string, NonSimplified> {
  if (cache) return cache;
  const chars: string[] = [];
  for (const [lo, hi] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
  ]) {
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
  }
  // One call per converter: newline-separated single characters, so no phrase rule can fire.
  const joined = chars.join('\n');
  const t = OpenCC.Converter({ from: 't', to: 'cn' })(joined).split('\n');
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' })(joined).split('\n');
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' })(joined).split('\n');
  const map = new Map<string, NonSimplified>();
  chars.forEach((ch, i) => {
    const to = t[i] !== ch ? t[i] : tw[i] !== ch ? tw[i] : hk[i] !== ch ? hk[i] : null;
    if (!to || [...to].length !== 1) return;
    if (inGb2312(ch) && !OLD_FORMS_IN_GB2312.has(ch)) return;
    map.set(ch, { to, kind: t[i] !== ch && !RARE_SENSE.has(ch) ? 'traditional' : 'variant' });
  });
  // CJK compatibility ideographs (from some Korean/Japanese fonts and PDF copies) look right but
  // break search; NFC gives the unified character.
  for (let c = 0xf900; c <= 0xfaff; c++) {
    const ch = String.fromCharCode(c);
    const nf = ch.normalize('NFC');
    if (nf !== ch) map.set(ch, { to: map.get(nf)?.to ?? nf, kind: 'variant' });
  }
  cache = map;
  return map;
}

/** A 64K-entry table of flagged BMP code points: scanning a 1 MB report is one tight loop. */
export function nonSimplifiedTable(): Uint8Array {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const ch of nonSimplifiedMap().keys()) table[ch.charCodeAt(0)] = 1;
  }
  return table;
}
