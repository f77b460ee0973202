// The scale benchmark (figures, not a test; CI does not run it):
//   node scripts/bench-scale.mjs [N ...]          (default: 1 140 1000)
// For each size: a collection of N essays (1 is the seed; others come from
// scripts/make-collection.mjs), its release build, and in headless
// Chromium: what a first visit transfers, first contentful paint, time to
// interactive, memory, and the latency of typing in the search box of the
// list and of an essay page. A keystroke's latency runs from its input event
// to the end of the next frame (requestAnimationFrame, then a macrotask):
// what the reader waits before the page answers. The longest task seen
// while typing is what blocks typing at worst; "settled" runs from the last
// key until the search has gone through every essay; for slips that find
// nothing, how soon after that a near form is offered. One table per size.
//
// BENCH_REUSE=1 reuses builds already in target/bench-N (to re-measure).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launch } from '../tests/support/browser.mjs';
import { serve } from '../tests/support/serve.mjs';
import { floor, median, pct, ms, PROBE } from './bench-keys.mjs';
import { makeCollection } from './make-collection.mjs';

const SIZES = process.argv.slice(2).map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const QUERIES = [
  { label: '1 char 政', keys: ['政'] },
  { label: 'word 职工', keys: ['职工'] },
  { label: 'pinyin zhigong', keys: [...'zhigong'] },
  { label: 'no hits 量子计算', keys: ['量子计算'] },
];
// Slips that find nothing and are offered a near form (issue 27); the first
// also reads likeness.txt.
const SLIPS = ['以人为笨', '锤练党性', '正人先正已', '命生线'];

async function build(n) {
  const dist = join('target', `bench-${n}`);
  const content = n === 1 ? 'content' : join('target', `bench-content-${n}`);
  if (process.env.BENCH_REUSE && existsSync(join(dist, 'index.html'))) return { dist, seconds: NaN };
  if (n !== 1) await makeCollection(n, content);
  const t = Date.now();
  const run = spawnSync('bash', ['-c', 'source scripts/release-build.sh && release_build --dist "$0"', dist], {
    env: { ...process.env, WENJI_CONTENT_DIR: content },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the build failed for ${n} essays`);
  return { dist, seconds: (Date.now() - t) / 1000 };
}

async function gzipSizes(dist) {
  const out = new Map();
  for (const name of await readdir(dist)) {
    const path = join(dist, name);
    if ((await stat(path)).isFile()) out.set(name, gzipSync(await readFile(path), { level: 9 }).length);
  }
  return out;
}

async function load(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The wasm's linear memory, for the memory figure.
  await page.addInitScript(() =>
    addEventListener('wenji-started', (e) => (window.__wasmMemory = e.detail.wasm.memory)),
  );
  const files = new Set();
  page.on('requestfinished', (r) => files.add(new URL(r.url()).pathname.split('/').pop() || 'index.html'));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0, null, {
    timeout: 120_000,
  });
  await page.waitForLoadState('networkidle');
  const t = await page.evaluate(() => {
    const interactive = performance.getEntriesByName('wenji-interactive')[0].startTime;
    // The files whose download ended before the reader could filter.
    const early = performance
      .getEntriesByType('resource')
      .filter((e) => e.responseEnd <= interactive)
      .map((e) => new URL(e.name).pathname.split('/').pop());
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      interactive,
      early: [...early, 'index.html'],
    };
  });
  const early = new Set(t.early);
  return { context, page, files, ...t, early };
}

/** The JS heap in use plus the wasm's linear memory, in MiB. */
async function memory(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? NaN);
  return (heap.usedSize + wasm) / 1024 / 1024;
}

/** Type each query as a person does (120 ms between keys), clearing first. */
async function typing(page) {
  await page.evaluate(PROBE);
  const box = page.locator('#search');
  const perQuery = [];
  for (const q of QUERIES) {
    await box.fill('');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__lat = [];
      window.__long = [];
    });
    await box.focus();
    for (const k of q.keys) {
      await page.keyboard.insertText(k);
      await page.waitForTimeout(120);
    }
    await page.waitForFunction(() => window.__settled !== undefined, null, { timeout: 60_000 });
    const settled = await page.evaluate(() => window.__settled);
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => ({ lat: window.__lat, long: window.__long }));
    perQuery.push({ label: q.label, lat: r.lat, long: r.long, settled });
  }
  // Enter to the next hit, on the last query with hits.
  await box.fill('职工');
  await page.waitForTimeout(1500);
  const enter = [];
  for (let i = 0; i < 5; i++) {
    const t = await page.evaluate(async () => {
      const before = document.querySelector('mark.current');
      const input = document.querySelector('#search');
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      for (let f = 0; f < 120; f++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = document.querySelector('mark.current');
        if (now && now !== before) return performance.now() - t0;
      }
      return NaN;
    });
    enter.push(t);
  }
  return { perQuery, enter, near: await nearForms(page) };
}

/** For each slip, typed at once: when the search has found nothing (the
 *  empty state, settled), when the first near form is offered after that,
 *  and the longest task from the input to the offer. */
async function nearForms(page) {
  const box = page.locator('#search');
  const out = [];
  for (const slip of SLIPS) {
    await box.fill('');
    await page.waitForTimeout(300);
    await page.evaluate(() => (window.__long = []));
    const t = await page.evaluate(async (slip) => {
      const input = document.querySelector('#search');
      const t0 = performance.now();
      input.value = slip;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let nothing = NaN;
      while (performance.now() - t0 < 5_000) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now() - t0;
        const p = document.querySelector('.search-progress');
        const s = document.querySelector('#search-status')?.textContent ?? '';
        const settled = (!p || p.hidden) && s !== '' && !s.startsWith('正在搜索');
        if (Number.isNaN(nothing) && settled && document.querySelector('.empty-state')) nothing = now;
        if (document.querySelector('.empty-state .near-form')) return { nothing, offered: now };
      }
      return { nothing, offered: NaN };
    }, slip);
    await page.waitForTimeout(100);
    const long = await page.evaluate(() => Math.max(0, ...window.__long));
    out.push({ slip, ...t, long });
  }
  return out;
}

async function measure(n) {
  const { dist, seconds } = await build(n);
  const sizes = await gzipSizes(dist);
  const server = await serve(dist);
  const browser = await launch();
  const fcp = [];
  const interactive = [];
  let first = 0;
  let early = 0;
  const gz = (names) => [...names].reduce((a, f) => a + (sizes.get(f) ?? 0), 0);
  for (let i = 0; i < RUNS; i++) {
    const l = await load(browser, server.url);
    fcp.push(l.fcp);
    interactive.push(l.interactive);
    first = gz(l.files);
    early = gz(l.early);
    await l.context.close();
  }
  const list = await load(browser, server.url);
  const mem = await memory(list.page);
  const listTyping = await typing(list.page);
  const memAfter = await memory(list.page);
  await list.context.close();
  const essayUrl = n === 1 ? server.url : `${server.url}?essay=essay-0001`;
  const essay = await load(browser, essayUrl);
  const essayTyping = await typing(essay.page);
  await essay.context.close();
  const bare = await floor(browser, QUERIES);
  await browser.close();
  await server.close();
  return { n, seconds, first, early, fcp: median(fcp), interactive: median(interactive), mem, memAfter, listTyping, essayTyping, bare };
}

function report(results) {
  for (const r of results) {
    console.log(`\n## ${r.n} essay${r.n === 1 ? '' : 's'}`);
    console.log(`release build        ${Number.isFinite(r.seconds) ? `${r.seconds.toFixed(0)} s` : '(reused)'}`);
    console.log(
      `first visit          ${(r.first / 1024).toFixed(1)} KiB gzip in all, ${(r.early / 1024).toFixed(1)} KiB by interactive`,
    );
    console.log(`first paint          ${ms(r.fcp)} (median of ${RUNS})`);
    console.log(`interactive          ${ms(r.interactive)} (median of ${RUNS})`);
    console.log(`JS heap + wasm       ${r.mem.toFixed(1)} MiB after load, ${r.memAfter.toFixed(1)} MiB after the searches (list page)`);
    for (const [where, t] of [
      ['list', r.listTyping],
      ['essay', r.essayTyping],
    ]) {
      if (r.n === 1 && where === 'list') continue;
      console.log(`\n  ${where} page: keystroke to painted         p50     p95     max  longest task  settled`);
      const all = [];
      for (const q of t.perQuery) {
        all.push(...q.lat);
        console.log(
          `  ${q.label.padEnd(38)}${ms(median(q.lat)).padStart(8)}${ms(pct(q.lat, 95)).padStart(8)}` +
            `${ms(Math.max(...q.lat)).padStart(8)}${ms(Math.max(0, ...q.long)).padStart(14)}${ms(q.settled).padStart(9)}`,
        );
      }
      console.log(
        `  ${'all keystrokes'.padEnd(38)}${ms(median(all)).padStart(8)}${ms(pct(all, 95)).padStart(8)}${ms(Math.max(...all)).padStart(8)}`,
      );
      console.log(`  Enter to the next hit: median ${ms(median(t.enter))}, max ${ms(Math.max(...t.enter))}`);
      console.log(`  near forms of a slip: found nothing   offered after that   longest task`);
      for (const x of t.near) {
        console.log(
          `  ${x.slip.padEnd(34)}${ms(x.nothing).padStart(10)}${ms(x.offered - x.nothing).padStart(21)}${ms(x.long).padStart(15)}`,
        );
      }
    }
    const b = r.bare;
    console.log(
      `\n  the measure's floor: the same keys in a bare input on an empty page: ` +
        `p50 ${ms(median(b))}, p95 ${ms(pct(b, 95))}, max ${ms(Math.max(...b))}`,
    );
  }
}

const results = [];
for (const n of SIZES.length ? SIZES : [1, 140, 1000]) results.push(await measure(n));
report(results);
