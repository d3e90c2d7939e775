// Prints corpus reports to PDF with Chromium, in the layouts a secretariat receives, for the PDF
// importer's tests (tests/unit/report/pdf*.test.ts). The report text is the corpus file's, line
// for line and unedited: one <p> per non-empty line. Run: node scripts/make-pdf-fixtures.mjs
// (needs /usr/bin/chromium and the Noto CJK fonts; the output is committed, so CI never runs this).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'tests/fixtures/pdf';
const XIANNING = 'tests/fixtures/xianning-2024-gov-work-report.txt';
const STATE_COUNCIL = 'tests/fixtures/state-council-2024-gov-work-report.txt';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = (file) =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
/** Part headings (一、…) are set in bold, as printed reports set them in 黑体. */
const PART = /^[一二三四五六七八九十]{1,3}、/;

function body(paragraphs) {
  const [title, ...rest] = paragraphs;
  return [`<h1>${esc(title)}</h1>`, ...rest.map((p) => `<p${PART.test(p) ? ' class="part"' : ''}>${esc(p)}</p>`)].join('\n');
}

const FONT = `font-family: 'Noto Sans CJK SC', sans-serif;`;

function page(css, content) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { ${FONT} margin: 0; }
  h1 { font-size: 22pt; font-weight: 700; text-align: center; margin: 0 0 18pt; }
  p { margin: 0; text-align: justify; }
  p.part { font-weight: 700; }
  ${css}
  </style></head><body>${content}</body></html>`;
}

const footer = (inner) => `<div style="width:100%; text-align:center; font-size:10pt; ${FONT}">${inner}</div>`;

const layouts = [
  {
    // 1. The assembly's print: A4, 2em first-line indent, — N — centred in the footer.
    name: 'assembly-a4',
    source: XIANNING,
    css: `p { font-size: 14pt; line-height: 1.6; text-indent: 2em; }`,
    pdf: {
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer('— <span class="pageNumber"></span> —'),
      margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '26mm' },
    },
  },
  {
    // 2. A4 with the report's title as a running header and 第 N 页 in the footer.
    name: 'running-header-a4',
    source: STATE_COUNCIL,
    css: `p { font-size: 12pt; line-height: 1.5; text-indent: 2em; margin-bottom: 3pt; }`,
    pdf: {
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="width:100%; margin: 0 20mm; border-bottom: 0.5pt solid #000; text-align:center; font-size:9pt; ${FONT}">政府工作报告</div>`,
      footerTemplate: footer('第 <span class="pageNumber"></span> 页'),
      margin: { top: '28mm', bottom: '22mm', left: '22mm', right: '22mm' },
    },
  },
  {
    // 3. A newspaper page: masthead and date line on every page, three columns, title across them.
    name: 'newspaper-3col',
    source: XIANNING,
    css: `h1 { column-span: all; font-size: 26pt; }
      .cols { column-count: 3; column-gap: 7mm; }
      p { font-size: 9.5pt; line-height: 1.45; text-indent: 2em; }`,
    wrap: (html) => `<div class="cols">${html}</div>`,
    pdf: {
      format: 'A3',
      displayHeaderFooter: true,
      headerTemplate: `<div style="width:100%; margin: 0 15mm; display:flex; justify-content:space-between; border-bottom: 1pt solid #000; font-size:10pt; ${FONT}"><span style="font-size:16pt; font-weight:700">湖北日报</span><span>2025年1月20日 星期一</span><span>第<span class="pageNumber"></span>版</span></div>`,
      footerTemplate: '<span></span>',
      margin: { top: '30mm', bottom: '15mm', left: '15mm', right: '15mm' },
    },
  },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const tab = await browser.newPage();
  for (const layout of layouts) {
    let html = body(lines(layout.source));
    if (layout.wrap) html = html.replace(/<\/h1>\n([\s\S]*)$/, (_m, rest) => `</h1>\n${layout.wrap(rest)}`);
    await tab.setContent(page(layout.css, html));
    const file = join(OUT, `${layout.name}.pdf`);
    writeFileSync(file, await tab.pdf({ ...layout.pdf, printBackground: false }));
    console.log(file, statSync(file).size);
  }
  // 4. A scan: the first page of the assembly print as a picture, no text layer.
  await tab.setViewportSize({ width: 794, height: 1123 });
  await tab.setContent(page(`body { padding: 80px 90px; } p { font-size: 14pt; line-height: 1.6; text-indent: 2em; }`, body(lines(XIANNING).slice(0, 8))));
  const png = await tab.screenshot({ type: 'jpeg', quality: 60 });
  await tab.setContent(
    `<!doctype html><html><body style="margin:0"><img style="width:210mm" src="data:image/jpeg;base64,${png.toString('base64')}"></body></html>`,
  );
  const scan = join(OUT, 'scan.pdf');
  writeFileSync(scan, await tab.pdf({ format: 'A4', margin: { top: 0, bottom: 0, left: 0, right: 0 } }));
  console.log(scan, statSync(scan).size);
  // 5. A PDF with pages and no text at all (a blank page printed to PDF).
  await tab.setContent('<!doctype html><html><body></body></html>');
  const blank = join(OUT, 'blank.pdf');
  writeFileSync(blank, await tab.pdf({ format: 'A4' }));
  console.log(blank, statSync(blank).size);
} finally {
  await browser.close();
}
