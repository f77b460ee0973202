// Figures for one big file of the reader's own opened in the page (issue
// 30; not a pass/fail test): a generated .txt of MB megabytes (章回 parts
// of the seed's sentences), picked in headless Chromium. Timed: the pick
// until the first part is on screen and the longest task meanwhile; each
// keystroke of a query to its paint (p50/p95) and the longest task while
// typing and until the search settled; 全部折叠; the page's memory.
import { serve } from '../tests/support/serve.mjs';
import { launch } from '../tests/support/browser.mjs';
import { PROBE, ms, pct } from './bench-keys.mjs';
import { sentences } from './bench-text.mjs';

const SIZES = (process.env.MB ?? '2').split(',').map(Number);

async function bigText(mb) {
  const pool = await sentences();
  const lines = ['长篇调研汇编', ''];
  let bytes = 0;
  let n = 0;
  for (let part = 1; bytes < mb * 1024 * 1024; part++) {
    lines.push(`第${part}章 学习体会与实践思考之${part}`);
    for (let p = 0; p < 6; p++) {
      const text = Array.from({ length: 4 }, () => pool[n++ % pool.length]).join('');
      lines.push(text);
      bytes += Buffer.byteLength(text);
    }
  }
  return lines.join('\n');
}

const server = await serve('dist');
const browser = await launch();
for (const mb of SIZES) {
  const text = await bigText(mb);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('wenji-started', (e) => (window.wasmMemory = e.detail.wasm.memory)));
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  await page.evaluate(PROBE);
  await page.getByRole('button', { name: '打开文件' }).click();
  await page.locator('#file-input').waitFor({ state: 'attached' });
  // The file is made in the page first: handing its text to the page is
  // the harness's work, not the reader's.
  await page.evaluate((text) => {
    window.__file = new File([text], '长篇.txt');
  }, text);
  await page.waitForTimeout(500);
  const t0 = Date.now();
  await page.evaluate(() => {
    window.__long = [];
    const data = new DataTransfer();
    data.items.add(window.__file);
    const input = document.getElementById('file-input');
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.title.startsWith('长篇调研汇编'), null, { timeout: 600000, polling: 50 });
  const shown = Date.now() - t0;
  const openLong = Math.max(0, ...(await page.evaluate(() => window.__long)));
  const parts = await page.locator('main .part').count();
  const memoryOpen = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  console.log(`\n${mb} MB .txt (${text.length.toLocaleString('en')} characters): parts on screen ${shown} ms, longest task ${ms(openLong)}, ${parts} parts rendered`);
  await page.keyboard.press('Escape');
  const box = page.locator('#search');
  await box.focus();
  await page.evaluate(() => { window.__lat = []; window.__long = []; });
  const t1 = Date.now();
  for (const k of ['实', '践']) {
    await page.keyboard.insertText(k);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 600000, polling: 100 });
  const lat = await page.evaluate(() => window.__lat);
  const long = await page.evaluate(() => window.__long);
  const status = await page.locator('#search-status').textContent();
  console.log(`  query 实践: keys ${lat.map(ms).join(', ')}; settled ${ms(await page.evaluate(() => window.__settled))} after the last key (${Date.now() - t1} ms in all); longest task ${ms(Math.max(0, ...long))}; «${status}»`);
  await page.evaluate(() => { window.__long = []; });
  const t2 = Date.now();
  await box.fill('');
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') === '', null, { timeout: 600000 });
  console.log(`  cleared: ${Date.now() - t2} ms, longest task ${ms(Math.max(0, ...(await page.evaluate(() => window.__long))))}`);
  await page.evaluate(() => { window.__long = []; });
  const fold = page.getByRole('button', { name: '全部折叠' });
  if (await fold.count()) {
    const t3 = await page.evaluate(() => performance.now());
    await fold.first().click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const t4 = await page.evaluate(() => performance.now());
    console.log(`  全部折叠: ${ms(t4 - t3)}, longest task ${ms(Math.max(0, ...(await page.evaluate(() => window.__long))))}`);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  console.log(`  DOM nodes ${nodes}, JS heap ${mib(heap)}, wasm memory ${mib(memoryOpen)} once open, ${mib(wasm)} after a search (the text: ${mib(Buffer.byteLength(text))})`);
  await context.close();
}
await browser.close();
server.close();
