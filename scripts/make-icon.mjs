// Writes resources/icons/icon.png (512×512): a red rounded square with a white open book —
// drawn from shapes so no font is needed. Run once; the PNG is committed.
// `node scripts/make-icon.mjs [out.png]`
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SIZE = 512;
const out = process.argv[2] ?? 'resources/icons/icon.png';
const RED = [200, 30, 36];
const WHITE = [255, 255, 255];
const GOLD = [245, 200, 66];

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Colour of one sample point, or null for transparent.
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 96)) return null;
  // Two pages of an open book, slightly tilted towards the spine.
  const page = (left) => {
    const x0 = left ? 96 : 262;
    const x1 = left ? 250 : 416;
    const dy = left ? ((250 - x) / 154) * 16 : ((x - 262) / 154) * 16;
    return x >= x0 && x <= x1 && y >= 150 - dy && y <= 372 - dy;
  };
  if (page(true) || page(false)) {
    // Lines of text on the pages, the first line in gold like a highlight.
    const inLine = (y0) => y >= y0 && y <= y0 + 10;
    const lx = x >= 114 && x <= 232 ? 'L' : x >= 280 && x <= 398 ? 'R' : null;
    if (lx) {
      const tilt = lx === 'L' ? ((250 - x) / 154) * 16 : ((x - 262) / 154) * 16;
      for (let i = 0; i < 6; i++) {
        if (inLine(180 + i * 30 - tilt)) return lx === 'R' && i === 1 ? GOLD : RED;
      }
    }
    return WHITE;
  }
  return RED;
}

// 4×4 supersampling for smooth edges.
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const c = colourAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / 16) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
