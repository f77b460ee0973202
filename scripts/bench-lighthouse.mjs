// Lighthouse (npm, pinned; Debian's Chromium) on the release build served
// as README command 1 serves it (precompressed files): the seed's page,
// mobile (slow 4G and 4× CPU) and desktop, median of RUNS by performance
// score. Figures only, no verdict.
//
// Mobile runs twice: with Lighthouse's default simulated throttling
// (Lantern: it models the load from an unthrottled trace, and counts
// every request started before the observed LCP, the wasm's included)
// and with the throttling applied to Chromium itself (`devtools`): what a
// phone on that network gets.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { serve } from '../tests/support/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/support/browser.mjs';

const run = promisify(execFile);
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

async function audit(url, preset, throttling) {
  const args = [
    url,
    '--quiet',
    '--output=json',
    '--only-categories=performance',
    '--chrome-path=/usr/bin/chromium',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  if (throttling === 'applied') args.push('--throttling-method=devtools');
  const { stdout } = await run('node_modules/.bin/lighthouse', args, { maxBuffer: 64 * 1024 * 1024 });
  const lhr = JSON.parse(stdout);
  const ms = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    si: ms('speed-index'),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcpElement: lcpElement ?? '?',
  };
}

const server = await serve('dist');
console.log(`\nLighthouse, the seed's page (median of ${RUNS} by score)`);
console.log('  preset, throttling   score    FCP ms    LCP ms    TBT ms     SI ms    CLS   LCP element');
for (const [preset, throttling] of [
  ['mobile', 'simulated'],
  ['mobile', 'applied'],
  ['desktop', 'simulated'],
]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(server.url, preset, throttling));
  runs.sort((a, b) => a.score - b.score);
  const m = runs[Math.floor(runs.length / 2)];
  const n = (x) => String(Math.round(x)).padStart(9);
  console.log(
    `  ${`${preset}, ${throttling}`.padEnd(19)}${String(m.score).padStart(6)}${n(m.fcp)} ${n(m.lcp)} ${n(m.tbt)} ${n(m.si)}   ${m.cls.toFixed(3)}  ${m.lcpElement}`,
  );
}
await server.close();
