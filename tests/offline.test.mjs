// Offline after one visit, and a new build taking over after the prompt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { searchBox } from './support/suite.mjs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

import { serve } from './support/serve.mjs';
import { launch, ready, recordedPage } from './support/browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});

/** Every server the tests started: closed at the end even when a test
 *  failed before closing its own (an open one keeps this file's process,
 *  and so the whole test command, waiting for ever). */
const servers = [];
const served = async (...args) => {
  const server = await serve(...args);
  servers.push(server);
  return server;
};

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** A copy of dist/ that the test may "deploy" a new build into. */
async function site() {
  const dir = await mkdtemp(join(tmpdir(), 'wenji-site-'));
  await cp('dist', dir, { recursive: true });
  return { dir, server: await served(dir) };
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const buildId = (page) => page.getAttribute('meta[name="wenji-build"]', 'content');

/** A fresh site, visited once: the page is under its service worker. */
async function visitedSite() {
  const { dir, server } = await site();
  const rec = await recordedPage(browser);
  await rec.page.goto(server.url);
  await ready(rec.page);
  await controlled(rec.page);
  return { dir, server, ...rec };
}

/** Deploy a changed file as a build does: with its precompressed copies. */
async function deploy(dir, name, text) {
  await writeFile(join(dir, name), text);
  await writeFile(join(dir, `${name}.br`), brotliCompressSync(text));
  await writeFile(join(dir, `${name}.gz`), gzipSync(text));
}

describe('offline', () => {
  test('after one visit the reader opens and filters with no network', async () => {
    const { server, page, context, log } = await visitedSite();

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await page.textContent('h1'), '政工工作心得体会范文合集');
    await searchBox(page).fill('shouzheng');
    await page.waitForSelector('main mark');
    assert.equal(await page.textContent('#search-status'), '共 4 处，显示 1 章 2 节');
    // A shared filtered address opens offline too.
    await page.goto(`${server.url}?q=${encodeURIComponent('传帮带')}`);
    await page.waitForSelector('main mark');
    assert.deepEqual(log.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
    await server.close();
  });

  test('a first visit downloads each file once: the service worker takes them from the HTTP cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wenji-site-'));
    await cp('dist', dir, { recursive: true });
    const requests = [];
    const server = await served(dir, { onRequest: (path) => requests.push(path) });
    const { page, context, log } = await recordedPage(browser);
    await page.goto(server.url);
    await ready(page);
    await controlled(page);
    const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).length);
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    // FILES are precached; LATER (the document reader) waits for a file.
    const [precached, later] = sw.split('const LATER');
    const paths = (text) => [...text.matchAll(/\["\.\/([^"]*)", "/g)].map((m) => `/${m[1]}`);
    const listed = paths(precached);
    assert.equal(cached, listed.length, 'the whole build is precached');
    assert.ok(paths(later).includes('/wenji-worker_bg.wasm'), later);
    assert.deepEqual(
      requests.filter((r) => paths(later).includes(r)),
      [],
      'the document reader is not downloaded before a file is opened',
    );
    const wasm = listed.find((p) => /^\/wenji-[0-9a-f]+_bg\.wasm$/.test(p));
    assert.equal(requests.filter((r) => r === wasm).length, 1, 'the wasm once');
    // What the page itself fetched is not fetched again (icons and the
    // manifest are fetched by the worker only). The favicon is the one
    // exception seen: Chromium downloads it for its tab on its own, and
    // the worker does not get that copy (1 KB).
    const twice = listed.filter(
      (path) => !path.includes('favicon') && requests.filter((r) => r === path).length > 1,
    );
    assert.deepEqual(twice, [], `fetched twice: ${twice}`);
    assert.deepEqual(log.errors, []);
    await context.close();
    await server.close();
  });

  test('a new build takes over after the reader accepts it', async () => {
    const { dir, server, page, context } = await visitedSite();
    const oldId = await buildId(page);
    await context.setOffline(true);
    await page.reload();
    await ready(page);

    // Deploy a changed build: new page content, new service worker.
    const newId = 'test-new-build';
    const index = (await readFile(join(dir, 'index.html'), 'utf8')).replace(oldId, newId);
    await deploy(dir, 'index.html', index);
    // Its worker names the new page by its hash, as the build writes it.
    const hash = createHash('sha256').update(index).digest('base64url');
    const sw = (await readFile(join(dir, 'sw.js'), 'utf8'))
      .replace(/const BUILD = "[^"]+"/, `const BUILD = "${newId}"`)
      .replace(/\["\.\/(index\.html)?", "[^"]+"\]/g, (entry) => entry.replace(/", "[^"]+"/, `", "${hash}"`));
    assert.equal(sw.split(hash).length - 1, 2, 'both names of the page');
    await deploy(dir, 'sw.js', sw);

    // Back online, the old build keeps serving until the reader agrees.
    await context.setOffline(false);
    await page.reload();
    await ready(page);
    assert.equal(await buildId(page), oldId);
    const offer = page.locator('.update-banner');
    await offer.waitFor({ timeout: 15000 });
    assert.match(await offer.textContent(), /新版本/);
    await Promise.all([
      page.waitForEvent('load'),
      offer.getByRole('button', { name: '更新并刷新' }).click(),
    ]);
    await ready(page);
    assert.equal(await buildId(page), newId);
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, [`wenji-${newId}`], 'the old cache is gone as a whole');
    await context.close();
    await server.close();
  });

  test('an update that fails half-way leaves the old build whole', async () => {
    const { dir, server, page, context } = await visitedSite();
    const oldId = await buildId(page);
    const oldCaches = await page.evaluate(() => caches.keys());

    // A new build whose upload broke off: its sw.js names a wasm that is
    // not there (yet), while the old files are still in place.
    const sw = (await readFile(join(dir, 'sw.js'), 'utf8'))
      .replace(/const BUILD = "[^"]+"/, 'const BUILD = "half-uploaded"')
      .replace(/"\.\/wenji-[0-9a-f]+_bg\.wasm"/, '"./wenji-missing_bg.wasm"');
    assert.match(sw, /wenji-missing_bg\.wasm/);
    await deploy(dir, 'sw.js', sw);

    const tried = context.waitForEvent('requestfailed', {
      predicate: (r) => r.url().includes('wenji-missing_bg.wasm'),
      timeout: 15000,
    }).catch(() => context.waitForEvent('request', (r) => r.url().includes('wenji-missing_bg.wasm')));
    const fetched = new Promise((resolve) => {
      context.on('request', (r) => r.url().includes('wenji-missing_bg.wasm') && resolve(r.url()));
    });
    await page.reload();
    await ready(page);
    // The new worker tried to precache the missing file...
    assert.match(await Promise.race([fetched, tried.then((r) => r.url())]), /wenji-missing_bg\.wasm/);
    // ...and failed to install: nothing is offered, nothing is mixed.: nothing is offered, nothing is mixed.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return !reg.installing && !reg.waiting;
    }, null, { timeout: 15000 });
    assert.equal(await page.locator('.update-banner').count(), 0);
    // The half-filled cache of the failed build is dropped.
    await page.waitForFunction(async (old) => (await caches.keys()).join() === old.join(), oldCaches, {
      timeout: 10000,
    });
    assert.equal(await buildId(page), oldId);

    // And the old build still works offline.
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await searchBox(page).fill('守正');
    await page.waitForSelector('main mark');
    await context.close();
    await server.close();
  });
});
