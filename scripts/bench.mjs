// Figures for the release build (not a pass/fail test):
//  - every file of dist/ and the single file: raw, gzip and brotli bytes,
//    and what a first visit transfers;
//  - in headless Chromium on 127.0.0.1, cold cache, median of N loads: first
//    contentful paint and the time until the reader is interactive (the
//    `wenji-interactive` mark the app sets once it has mounted);
//  - what the wasm's bytes are spent on, by crate (function sizes and names
//    of the unoptimised wasm, whose names are kept; before the split, so
//    the parts fetched later are counted too).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { serve } from '../tests/support/serve.mjs';
import { launch } from '../tests/support/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

async function sizes() {
  const rows = [];
  for (const name of (await readdir('dist')).sort()) {
    const path = join('dist', name);
    // The precompressed copies are the same files for another host.
    if (!(await stat(path)).isFile() || /\.(br|gz)$/.test(name)) continue;
    const raw = await readFile(path);
    rows.push({
      name,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  console.log('\nFiles of dist/ (KiB)            raw     gzip   brotli');
  // The split's shared chunks of the wasm go on one line.
  const chunk = (r) => /-chunk_\d+\.wasm$/.test(r.name);
  const chunks = rows.filter(chunk);
  const shown = rows.filter((r) => !chunk(r));
  if (chunks.length) {
    const sum = (k) => chunks.reduce((a, r) => a + r[k], 0);
    shown.push({ name: `(${chunks.length} shared chunks)`, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') });
  }
  for (const r of shown) {
    const name = r.name.replace(/^wenji-[0-9a-f]+-/, 'wenji-…-');
    console.log(`  ${name.padEnd(30)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  }
  return rows;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timings(rows) {
  const server = await serve('dist');
  const browser = await launch();
  const fcp = [];
  const interactive = [];
  const mount = [];
  let transferred = new Set();
  for (let i = 0; i < RUNS; i++) {
    // A new context is a cold cache; no service worker, to time the page itself.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const files = new Set();
    page.on('requestfinished', (r) => files.add(new URL(r.url()).pathname.split('/').pop() || 'index.html'));
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await page.waitForLoadState('networkidle');
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      interactive: performance.getEntriesByName('wenji-interactive')[0].startTime,
      start: performance.getEntriesByName('wenji-start')[0].startTime,
    }));
    fcp.push(t.fcp);
    interactive.push(t.interactive);
    mount.push(t.interactive - t.start);
    transferred = files;
    await context.close();
  }
  await browser.close();
  await server.close();

  const first = rows.filter((r) => transferred.has(r.name));
  const sum = (k) => first.reduce((a, r) => a + r[k], 0);
  console.log(`\nA first visit fetches: ${[...transferred].sort().join(', ')}`);
  console.log(`  total ${kb(sum('raw'))} KiB raw, ${kb(sum('gzip'))} KiB gzip, ${kb(sum('brotli'))} KiB brotli`);
  // The worker takes what the page fetched from the HTTP cache (checked by
  // tests/offline.test.mjs) and downloads only the rest of its precache
  // list (FILES); LATER, the document reader, follows once the page has
  // settled (sw-register.js).
  const sw = await readFile(join('dist', 'sw.js'), 'utf8');
  const [files, later] = sw.split('const LATER').map((part) => new Set([...part.matchAll(/\["\.\/([^"]+)", "/g)].map((m) => m[1])));
  const rest = rows.filter((r) => files.has(r.name) && !transferred.has(r.name));
  const gzip = (rs) => kb(rs.reduce((a, r) => a + r.gzip, 0));
  console.log(
    `  then the service worker downloads what the page did not fetch: ${gzip(rest)} KiB gzip ` +
      `(${rest.map((r) => r.name.replace(/^wenji-[0-9a-f]+-/, 'wenji-…-')).join(', ')})`,
  );
  const reader = rows.filter((r) => later.has(r.name));
  console.log(`  and, three seconds after the load, the document reader: ${gzip(reader)} KiB gzip (${reader.map((r) => r.name).join(', ')})`);
  console.log(`\nHeadless Chromium, 127.0.0.1, cold cache, median of ${RUNS} loads (ms after navigation start):`);
  console.log(`  first contentful paint ${median(fcp).toFixed(1)}   (min ${Math.min(...fcp).toFixed(1)}, max ${Math.max(...fcp).toFixed(1)})`);
  console.log(`  interactive            ${median(interactive).toFixed(1)}   (min ${Math.min(...interactive).toFixed(1)}, max ${Math.max(...interactive).toFixed(1)})`);
  console.log(`  of which the app's start (wasm main to mounted): ${median(mount).toFixed(1)}   (min ${Math.min(...mount).toFixed(1)}, max ${Math.max(...mount).toFixed(1)})`);
}

/** LEB128 reader over a wasm binary. */
function reader(buf) {
  let at = 0;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[at++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const name = () => {
    const len = u32();
    const s = buf.subarray(at, at + len).toString('utf8');
    at += len;
    return s;
  };
  return { u32, name, get at() { return at; }, set at(v) { at = v; }, byte: () => buf[at++] };
}

/** The crate a mangled Rust symbol belongs to (for a trait impl, the crate
 *  of the type it is for). */
function crateOf(name) {
  const v0 = /^_R.*?C[a-zA-Z0-9]*_(\d+)([a-zA-Z_][a-zA-Z0-9_]*)/.exec(name);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  if (name.startsWith('_ZN')) {
    const legacy = /^_ZN(\d+)/.exec(name);
    const first = name.slice(legacy[0].length, legacy[0].length + Number(legacy[1]));
    const inner = /^_\$LT\$(?:\$RF\$|mut\$u20\$|\$u5b\$)*([a-zA-Z_][a-zA-Z0-9_]*)/.exec(first);
    return inner ? inner[1] : first;
  }
  return name.startsWith('__') ? '(runtime)' : name ? '(js glue)' : '(unnamed)';
}

/** Bytes of each function body, by the crate its (mangled) name starts in. */
async function wasmBudget() {
  const path = 'target/wasm32-unknown-unknown/release/wenji.wasm';
  const buf = await readFile(path);
  const r = reader(buf);
  r.at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (r.at < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.at + size;
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) { r.u32(); imported++; }
        else if (kind === 1) { r.byte(); const f = r.byte(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 2) { const f = r.byte(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 3) { r.byte(); r.byte(); }
        else { r.byte(); r.u32(); }
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) {
        const len = r.u32();
        bodies.push(len);
        r.at += len;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0 && r.name() === 'name') {
      while (r.at < end) {
        const sub = r.byte();
        const len = r.u32();
        const subEnd = r.at + len;
        if (sub === 1) for (let n = r.u32(); n > 0; n--) names.set(r.u32(), r.name());
        r.at = subEnd;
      }
    }
    r.at = end;
  }
  const byCrate = new Map();
  bodies.forEach((len, i) => {
    const crate = crateOf(names.get(imported + i) ?? '');
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + len);
  });
  const total = bodies.reduce((a, b) => a + b, 0);
  console.log(`\nWhere the wasm's bytes go, before the split and wasm-opt (${path}: ${kb(total)} KiB code, ${kb(data)} KiB data):`);
  for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`  ${crate.padEnd(28)}${kb(bytes)} KiB ${((100 * bytes) / total).toFixed(1).padStart(5)} %`);
  }
}

const rows = await sizes();
await timings(rows);
await wasmBudget();
