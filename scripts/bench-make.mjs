// Figures for 做成文集 (not a pass/fail test): FILES generated Word files of
// about PAGES pages each (the seed's sentences, headings styled as Word
// writes them) opened in the page, then made into one .html in headless
// Chromium: the time from the click to the download, the file's size (raw
// and gzip), and, opened from file:// in a fresh browser, its first
// contentful paint and the time until it is interactive (median of RUNS).
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { serve } from '../tests/support/serve.mjs';
import { launch } from '../tests/support/browser.mjs';
import { docx } from '../tests/support/docx.mjs';
import { CHARS_PER_PAGE, median, sentences } from './bench-text.mjs';

const FILES = Number(process.env.FILES ?? 50);
const PAGES = Number(process.env.PAGES ?? 5);
const RUNS = Number(process.env.RUNS ?? 5);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;


const pool = await sentences();
let n = 0;
const files = Array.from({ length: FILES }, (_, f) => {
  const paragraphs = [];
  let chars = 0;
  for (let part = 1; chars < PAGES * CHARS_PER_PAGE; part++) {
    paragraphs.push(['Heading1', `第${part}部分 学习体会`]);
    for (let p = 0; p < 4; p++) {
      const text = Array.from({ length: 4 }, () => pool[n++ % pool.length]).join('');
      paragraphs.push([null, text]);
      chars += text.length;
    }
  }
  return { name: `心得-${f + 1}.docx`, mimeType: 'application/octet-stream', buffer: Buffer.from(docx(paragraphs, `心得体会第${f + 1}篇`)) };
});

const server = await serve('dist');
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
await page.getByRole('button', { name: '打开文件' }).click();
await page.locator('#file-input').setInputFiles(files);
// Once every file is read, the page shows the last one.
await page.waitForFunction((t) => document.title === t, `心得体会第${FILES}篇 · 文集`, { timeout: 120000 });
const panel = page.locator('#files-panel');
if (!(await panel.isVisible())) await page.getByRole('button', { name: '打开文件' }).click();
const make = panel.locator('.make-collection');
await make.getByLabel('文集标题').fill('心得汇编');
const started = Date.now();
const [download] = await Promise.all([
  page.waitForEvent('download', { timeout: 120000 }),
  make.getByRole('button', { name: '做成文集（.html）' }).click(),
]);
const dir = await mkdtemp(join(tmpdir(), 'wenji-bench-make-'));
const path = join(dir, download.suggestedFilename());
await download.saveAs(path);
const took = Date.now() - started;
const bytes = await readFile(path);
await context.close();

const paints = [];
const ready = [];
for (let r = 0; r < RUNS; r++) {
  const fresh = await browser.newContext({ offline: true });
  const p = await fresh.newPage();
  await p.goto(pathToFileURL(path).href);
  await p.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0, null, { timeout: 60000 });
  const [fcp, tti] = await p.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    performance.getEntriesByName('wenji-interactive')[0].startTime,
  ]);
  paints.push(fcp);
  ready.push(tti);
  await fresh.close();
}
await browser.close();
await server.close();

console.log(`\n做成文集: ${FILES} .docx of about ${PAGES} pages each`);
console.log(`  made in the page (click to download): ${took} ms`);
console.log(`  the file: ${kb((await stat(path)).size)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
console.log(`  opened from file:// (median of ${RUNS}): first paint ${Math.round(median(paints))} ms, interactive ${Math.round(median(ready))} ms`);
