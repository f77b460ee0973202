// How reliably the WebKit engines start the reader and open a file, over
// many fresh pages (issue 28): a loop, not a test, since a failure here is
// one in tens or hundreds. Prints, per engine, how many of N single-file
// starts from file:// and N file opens over http failed, and why.
//
//   node scripts/bench-engines.mjs [N=200] [engines=webkit,wpe]
//
// Needs a release build in dist/ and the drivers setup.sh installs
// (WebKitGTK's WebKitWebDriver; WPE's WPEWebDriver and cog).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { serve } from '../tests/support/serve.mjs';
import { ENGINES, webdriver } from '../tests/support/webdriver.mjs';

const N = Number(process.argv[2] ?? 200);
const engines = (process.argv[3] ?? 'webkit,wpe').split(',');
const INTERACTIVE = "return performance.getEntriesByName('wenji-interactive').length > 0";
const TEXT = '基层调研报告\n\n第一章 调研背景\n本次调研走访了十个支部。\n第二章 调研发现\n发现问题三项。\n';

const dir = await mkdtemp(join(tmpdir(), 'wenji-engines-'));
const file = join(dir, '调研.txt');
await writeFile(file, TEXT);
const single = pathToFileURL(resolve('dist/wenji.html')).href;
const server = await serve('dist');

/** Record the errors of every worker the page starts from now on. */
const WATCH_WORKERS = `
  window.workerErrors = [];
  const Made = Worker;
  window.Worker = function (...args) {
    const w = new Made(...args);
    w.addEventListener('error', (e) => window.workerErrors.push(e.message || 'error'));
    return w;
  };`;

/** The page's own words when it failed: the fault notice or the files panel's. */
const FAILURE = `
  const fault = document.querySelector('.panic-notice')?.textContent;
  if (fault) return '页面出错：' + fault.slice(0, 60);
  const said = [...document.querySelectorAll('[role=status], [role=alert], #files-panel')].map((e) => e.textContent);
  return said.find((t) => /出错|未能打开/.test(t))?.trim().slice(0, 80) ?? null;`;

async function startOnce(wd) {
  await wd.goto(`${single}?n=${Math.random()}`);
  const up = await wd.poll(`if (performance.getEntriesByName('wenji-interactive').length > 0) return true;${FAILURE}`, 15000);
  if (up === true) return null;
  if (up) return up;
  // How far it came: the page parsed, the wasm's start (`wenji-start`).
  const state = await wd.run(
    "return `${document.readyState}, wenji-start ${performance.getEntriesByName('wenji-start').length}`",
  );
  return `the app never started (15 s; ${state})`;
}

async function openOnce(wd) {
  await wd.goto(`${server.url}?n=${Math.random()}`);
  if (!(await wd.poll(INTERACTIVE, 15000))) return 'the app never started (15 s)';
  await wd.run(WATCH_WORKERS);
  await wd.clickButton('打开文件');
  if (!(await wd.poll("return document.getElementById('file-input') !== null", 10000))) return 'no file input';
  await wd.type('#file-input', file);
  const done = await wd.poll(`if (document.title === '基层调研报告 · 文集') return 'ok';
     const f = (() => {${FAILURE}})();
     return f ? f + ' | worker: ' + window.workerErrors.join('; ') : null;`,
    20000,
  );
  if (done === 'ok') {
    // Opened, though a worker broke on the way (the page started another).
    if (await wd.run('return window.workerErrors.length > 0')) recovered += 1;
    return null;
  }
  return done ?? `not opened in 20 s | worker: ${await wd.run('return window.workerErrors.join("; ")')}`;
}

/** File opens that succeeded after a worker broke, in the current loop. */
let recovered = 0;

async function loop(engine, name, once) {
  recovered = 0;
  let wd = await webdriver(engine);
  const failures = [];
  const t0 = Date.now();
  for (let i = 0; i < N; i++) {
    let why;
    try {
      why = await once(wd);
    } catch (e) {
      // The web process crashed, or the session with it: start again.
      why = `driver: ${String(e.message).slice(0, 100)}`;
      await wd.quit().catch(() => {});
      wd = await webdriver(engine);
    }
    if (why) failures.push(`#${i + 1}: ${why}`);
    if (process.env.VERBOSE) console.log(i + 1, why ?? "ok", Date.now() - t0);
  }
  await wd.quit();
  const s = ((Date.now() - t0) / 1000).toFixed(0);
  const saved = recovered ? `; ${recovered} opened after a broken worker was replaced` : '';
  console.log(`${ENGINES[engine].name} ${wd.browserVersion}, ${name}: ${failures.length} failed of ${N}${saved} (${s} s)`);
  for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
  return failures.length;
}

let failed = 0;
try {
  for (const engine of engines) {
    if (!process.env.ONLY_OPEN) failed += await loop(engine, "the single file started from file://", startOnce);
    failed += await loop(engine, 'a .txt opened over http in a fresh page', openOnce);
  }
} finally {
  await server.close();
}
process.exitCode = failed ? 1 : 0;
