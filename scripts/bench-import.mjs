// Figures for a reader's own file opened in the page (not a pass/fail
// test): a generated Word file of about 200 pages (the seed's vocabulary,
// headings styled as Word writes them) picked in headless Chromium, timed
// from the pick until the essay's title is on the page. Cold: a fresh
// page, so the worker's code is fetched and compiled too; warm: the same
// file again as another view (不分章节), the worker already running.
// Median of RUNS. Also the size of the worker (the importer).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { serve } from '../tests/support/serve.mjs';
import { launch } from '../tests/support/browser.mjs';
import { docx } from '../tests/support/docx.mjs';
import { CHARS_PER_PAGE, median, sentences } from './bench-text.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGES = Number(process.env.PAGES ?? 200);



async function bigDocx() {
  const pool = await sentences();
  const paragraphs = [];
  let chars = 0;
  let n = 0;
  const numbers = '一二三四五六七八九十';
  for (let chapter = 0; chars < PAGES * CHARS_PER_PAGE; chapter++) {
    paragraphs.push(['Heading1', `第${chapter + 1}章 学习体会与实践思考`]);
    for (let s = 0; s < 6 && chars < PAGES * CHARS_PER_PAGE; s++) {
      paragraphs.push(['Heading2', `（${numbers[s]}）在实践中深化认识`]);
      for (let p = 0; p < 4; p++) {
        const text = Array.from({ length: 5 }, () => pool[n++ % pool.length]).join('');
        paragraphs.push([null, text]);
        chars += text.length;
      }
    }
  }
  return { bytes: docx(paragraphs, '二百页的心得汇编'), chars, paragraphs: paragraphs.length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const wasm = await readFile(join('dist', 'wenji-worker_bg.wasm'));
const glue = await readFile(join('dist', 'wenji-worker.js'));
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log('\nThe importer (worker), fetched only when a file is opened:');
console.log(`  wasm ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzip, ${kb(brotli(wasm))} brotli`);
console.log(`  glue ${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzip`);

const file = await bigDocx();
console.log(
  `\nA ${PAGES}-page .docx: ${file.chars.toLocaleString('en')} characters, ${file.paragraphs} paragraphs, ${kb(file.bytes.length)}`,
);
const server = await serve('dist');
const browser = await launch();
const cold = [];
const warm = [];
const pick = (page) =>
  page.setInputFiles('#file-input', { name: '汇编.docx', mimeType: 'application/octet-stream', buffer: file.bytes });
const shown = (page) =>
  page.waitForFunction(() => document.title.startsWith('二百页的心得汇编') && document.querySelector('main h2'), null, {
    timeout: 60000,
  });
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  await page.getByRole('button', { name: '打开文件' }).click();
  let start = Date.now();
  await pick(page);
  await shown(page);
  cold.push(Date.now() - start);
  // The same file again, read whole: another essay, the worker warm.
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  await page.waitForFunction(() => document.querySelectorAll('.opened-files li, #files-panel').length >= 0);
  await page.getByRole('button', { name: '打开文件' }).click();
  await page.getByRole('radio', { name: '不分章节' }).check();
  // The restore of the first file starts the worker: wait for it.
  await page.waitForFunction(() => document.querySelectorAll('.opened-files li').length === 1, null, { timeout: 60000 });
  start = Date.now();
  await pick(page);
  await page.waitForFunction(() => /-whole$/.test(location.search), null, { timeout: 60000 });
  await shown(page);
  warm.push(Date.now() - start);
  await context.close();
}
await browser.close();
await server.close();
console.log(`  picked → shown, cold (worker fetched and compiled): median ${median(cold)} ms  (${cold.join(', ')})`);
console.log(`  picked → shown, warm (worker running):              median ${median(warm)} ms  (${warm.join(', ')})`);
