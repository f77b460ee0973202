// Figures for one big file of the reader's own opened in the page (issue
// 30; not a pass/fail test), in headless Chromium: generated files of the
// seed's sentences (a .txt of MB megabytes in 章回 parts, a .docx of
// DOCX_CHARS characters with Word headings). Timed: the pick until the
// first part is on screen, and the longest task meanwhile; each keystroke
// of a query to its paint, the longest task while typing and until the
// search settled; clearing; 全部折叠; DOM nodes and the wasm's memory.
// Last, whether the page's state rots: the 2 MB .txt searched in a page
// where the .docx was opened and deleted first, against a fresh page.
import { serve } from '../tests/support/serve.mjs';
import { launch } from '../tests/support/browser.mjs';
import { docx } from '../tests/support/docx.mjs';
import { PROBE, ms } from './bench-keys.mjs';
import { sentences } from './bench-text.mjs';

const SIZES = (process.env.MB ?? '2,30').split(',').map(Number);
const DOCX_CHARS = Number(process.env.DOCX_CHARS ?? 1_080_000);
const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const kib = (n) => `${Math.round(n / 1024)} KiB`;

const pool = await sentences();

/** A .txt of `mb` megabytes: a title, then 第N章 parts of six paragraphs. */
function bigText(mb) {
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
  return { name: '长篇.txt', title: '长篇调研汇编', bytes: Buffer.from(lines.join('\n')) };
}

/** A .docx of about `chars` characters: Heading1 chapters, Heading2 sections. */
function bigDocx(chars) {
  const paragraphs = [];
  let count = 0;
  let n = 0;
  const numbers = '一二三四五六七八九十';
  for (let chapter = 0; count < chars; chapter++) {
    paragraphs.push(['Heading1', `第${chapter + 1}章 学习体会与实践思考`]);
    for (let s = 0; s < 6 && count < chars; s++) {
      paragraphs.push(['Heading2', `（${numbers[s]}）在实践中深化认识`]);
      for (let p = 0; p < 4; p++) {
        const text = Array.from({ length: 5 }, () => pool[n++ % pool.length]).join('');
        paragraphs.push([null, text]);
        count += text.length;
      }
    }
  }
  return { name: '汇编.docx', title: '汇编大全', bytes: Buffer.from(docx(paragraphs, '汇编大全')) };
}

const server = await serve('dist');
const browser = await launch();

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('wenji-started', (e) => (window.wasmMemory = e.detail.wasm.memory)));
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  await page.evaluate(PROBE);
  return { context, page };
}

const longest = async (page) => Math.max(0, ...(await page.evaluate(() => window.__long)));

/** Pick `file` and time it to its parts on screen. */
async function open(page, file) {
  await page.getByRole('button', { name: '打开文件' }).click();
  await page.locator('#file-input').waitFor({ state: 'attached' });
  // The file is made in the page first: handing its bytes to the page is
  // the harness's work, not the reader's.
  // As base64: an array of 30 million numbers exhausts the harness's heap.
  await page.evaluate(([base64, name]) => {
    window.__file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name);
  }, [file.bytes.toString('base64'), file.name]);
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
  await page.waitForFunction((t) => document.title.startsWith(t) && document.querySelector('main .part'), file.title, {
    timeout: 600000,
    polling: 50,
  });
  return { shown: Date.now() - t0, long: await longest(page) };
}

/** Type 实践 and time each key, the settling and the longest task. */
async function search(page) {
  await page.keyboard.press('Escape');
  await page.locator('#search').focus();
  await page.evaluate(() => {
    window.__lat = [];
    window.__long = [];
  });
  for (const k of ['实', '践']) {
    await page.keyboard.insertText(k);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 600000, polling: 100 });
  return {
    keys: await page.evaluate(() => window.__lat),
    settled: await page.evaluate(() => window.__settled),
    long: await longest(page),
    status: await page.locator('#search-status').textContent(),
  };
}

async function measure(label, file, page) {
  const opened = await open(page, file);
  const parts = await page.locator('main .part').count();
  const memoryOpen = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  console.log(`\n${label}: parts on screen ${opened.shown} ms, longest task ${ms(opened.long)}, ${parts} parts rendered`);
  const s = await search(page);
  console.log(`  query 实践: keys ${s.keys.map(ms).join(', ')}; settled ${ms(s.settled)} after the last key; longest task ${ms(s.long)}; «${s.status}»`);
  await page.evaluate(() => (window.__long = []));
  const t2 = Date.now();
  await page.locator('#search').fill('');
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') === '', null, { timeout: 600000 });
  console.log(`  cleared: ${Date.now() - t2} ms, longest task ${ms(await longest(page))}`);
  await page.evaluate(() => (window.__long = []));
  const t3 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '全部折叠' }).first().click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const t4 = await page.evaluate(() => performance.now());
  console.log(`  全部折叠: ${ms(t4 - t3)}, longest task ${ms(await longest(page))}`);
  await page.getByRole('button', { name: '全部展开' }).first().click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  console.log(`  DOM nodes ${nodes}, wasm memory ${mib(memoryOpen)} once open, ${mib(wasm)} after a search (the file: ${kib(file.bytes.length)})`);
  return s;
}

for (const mb of SIZES) {
  const file = bigText(mb);
  const { context, page } = await freshPage();
  await measure(`${mb} MB .txt (${file.bytes.toString().length.toLocaleString('en')} characters)`, file, page);
  await context.close();
}

const word = bigDocx(DOCX_CHARS);
const txt = bigText(2);
const fresh = await freshPage();
const alone = await measure('2 MB .txt in a fresh page', txt, fresh.page);
await fresh.context.close();
const { context, page } = await freshPage();
await measure(`.docx of ${DOCX_CHARS.toLocaleString('en')} characters (${kib(word.bytes.length)})`, word, page);
await page.locator('#search').fill('');
await (await page.getByRole('button', { name: '打开文件' })).click();
await page.getByRole('button', { name: `删除 ${word.name}` }).click();
await page.waitForFunction(() => !document.title.startsWith('汇编大全'));
await page.keyboard.press('Escape');
const after = await measure('2 MB .txt after the .docx was opened and deleted', txt, page);
console.log(
  `  the state does not rot: settled ${ms(after.settled)} after the .docx against ${ms(alone.settled)} in a fresh page (${(after.settled / alone.settled).toFixed(2)}×)`,
);
await context.close();
await browser.close();
server.close();
