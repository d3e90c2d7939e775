/**
 * 外文字母: Latin words or letters inside a Chinese sentence. Established abbreviations (GDP, 5G,
 * PM2.5, DIP…), codes with digits (G106, C919, 4A), single capital letters used as grades (A类, A股)
 * and units after numbers (500 kV) are normal in reports. An English word such as “and” is a slip
 * (warning); an unfamiliar capital abbreviation gets a hint to explain it on first use.
 */
import type { Block } from '../../report/types';
import type { RawFinding, ReviewRule } from '../types';
import { isChineseContext } from '../text';

/** Abbreviations a reader of a government report knows without a gloss. */
export const KNOWN_ABBREVIATIONS = new Set(
  (
    'GDP GNP GNI CPI PPI PMI M2 PM2.5 PM10 AQI 5G 6G 4G AI AIGC R&D App APP app ETC IPO CBD EOD PPP REITs ESG VR AR MR XR IT ICT IC LED LCD OLED LNG CNG LPG ' +
    'NO ISO WTO RCEP APEC BRICS G20 SCO UN WHO IMF OECD ASEAN FTA FDI QFII RQFII VC PE CEO CFO MBA EMBA DRG DIP DRGs HIS HIV AIDS COVID COVID-19 SARS ' +
    'CT MRI ICU PCR DNA RNA mRNA IoT IPv6 IPv4 Wi-Fi WiFi WLAN GPS BDS GIS BIM CIM ERP SaaS PaaS IaaS API SDK UI CAD CAE EDA CPU GPU NPU AI+ ' +
    'eVTOL EV SUV MPV ATM POS QR USB HD 4K 8K TV CCTV CCTV-1 CGTN NBA CBA F1 ABC SOS VIP OTC EPC BOT TOT PPP+ EPCO ABS MBS NGO LOGO Logo ' +
    'ChatGPT DeepSeek Sora GPT LLM Web3 Web3.0 O2O B2B B2C C2M CPC NPC CPPCC TOD XOD FOD SOD'
  ).split(/\s+/),
);

/** Units written in Latin letters, fine right after a number (500 kV, 10 km). */
const UNITS = new Set(
  'km m cm mm nm kg g mg t kt Mt kW kWh MW MWh GW GWh TW TWh kV V A mA Hz kHz MHz GHz dB L mL ha Pa kPa MPa TB GB MB KB Mbps Gbps bps ppm ppb K'.split(' '),
);

const TOKEN = /[A-Za-z0-9][A-Za-z0-9&+.-]*[A-Za-z0-9+]|[A-Za-z]/g;

export const latinWordsRule: ReviewRule = {
  meta: {
    id: 'latin-words',
    name: '外文字母',
    description: '中文句子中夹杂的外文单词或不常见的外文缩写；GDP、5G、PM2.5 等常用缩略语不提示',
  },
  check(blocks: readonly Block[]): RawFinding[] {
    const out: RawFinding[] = [];
    for (const b of blocks) {
      const t = b.text;
      if (!/[A-Za-z]/.test(t)) continue;
      for (const m of t.matchAll(TOKEN)) {
        const word = m[0];
        if (!/[A-Za-z]/.test(word)) continue;
        const start = m.index;
        const end = start + word.length;
        const prev = t.slice(0, start).trimEnd().slice(-1);
        const next = t.slice(end).trimStart()[0];
        if (!isChineseContext(prev) && !isChineseContext(next)) continue; // an English passage, not a slip
        const finding = classify(word, t, start);
        if (finding) out.push({ blockId: b.id, start, end, ...finding });
      }
    }
    return out;
  },
};

function classify(word: string, t: string, start: number): Pick<RawFinding, 'severity' | 'message' | 'suggestion'> | null {
  if (KNOWN_ABBREVIATIONS.has(word) || KNOWN_ABBREVIATIONS.has(word.toUpperCase())) return null;
  if (/\d/.test(word)) return null; // G106, C919, 4A, H7N9: codes and model names
  if (/^[A-Z]$/.test(word)) return null; // A类, A股, B超, X光: grades and set terms
  if (UNITS.has(word) && /\d\s*$/.test(t.slice(Math.max(0, start - 3), start))) return null;
  if (/^[A-Z]{2,6}s?$/.test(word)) {
    return {
      severity: 'info',
      message: `外文缩写“${word}”不在常用缩略语表中，首次出现时宜注明中文全称`,
      suggestion: null,
    };
  }
  return {
    severity: 'warning',
    message: `中文句子中夹有外文“${word}”，请确认是否误录，或改用中文表述`,
    suggestion: null,
  };
}
