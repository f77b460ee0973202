// What the release build ships: prerendered pages, the single file, the CSP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { adoptedNodes, holdWasm, ready } from './support/browser.mjs';
import { foldControl, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite('dist');

/** Record CSP violations from the first script on. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

const headingBoxes = (page) =>
  page.$$eval('header h1, main h2, main h3', (hs) => hs.map((h) => {
    const r = h.getBoundingClientRect();
    return [h.textContent.trim(), Math.round(r.top + scrollY), Math.round(r.left)];
  }));

/** Raw bytes and headers of `url`, asking for `encoding`. */
const fetchRaw = (url, encoding) =>
  new Promise((ok, fail) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', fail);
  });

describe('the release build', () => {
  test('writes a .gz and a .br copy of each text and wasm file, which the server sends', async () => {
    const names = await readdir('dist');
    // The single file is a download, kept whole.
    const served = names.filter((n) => /\.(html|js|css|wasm|txt|json|webmanifest)$/.test(n) && n !== 'wenji.html');
    assert.ok(!names.includes('wenji.html.br'));
    assert.ok(served.some((n) => n.endsWith('.wasm')));
    for (const name of served) {
      const plain = await readFile(join('dist', name));
      if (plain.length < 1024) continue; // too small for a copy to pay
      assert.ok(names.includes(`${name}.br`) && names.includes(`${name}.gz`), name);
      assert.deepEqual(brotliDecompressSync(await readFile(join('dist', `${name}.br`))), plain, name);
      assert.deepEqual(gunzipSync(await readFile(join('dist', `${name}.gz`))), plain, name);
    }
    // The main module (the split's parts are small, some too small to pay).
    const wasm = served.find((n) => /^wenji-[0-9a-f]+_bg\.wasm$/.test(n));
    const plain = await readFile(join('dist', wasm));
    const br = await fetchRaw(reader.url + wasm, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.ok(br.body.length * 2 < plain.length);
    assert.deepEqual(brotliDecompressSync(br.body), plain);
    const gz = await fetchRaw(reader.url + wasm, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), plain);
    const none = await fetchRaw(reader.url + wasm, 'identity');
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.body, plain);
  });

  test('its pages parse as written: the policy allows exactly their inline code, every file they name is there, unchanged', async () => {
    for (const [dir, name] of [['dist', 'index.html'], ['target/dist-140', 'index.html'], ['dist', 'wenji.html']]) {
      const where = `${dir}/${name}`;
      const html = await readFile(join(dir, name), 'utf8');
      const { page } = await reader.page();
      // As the browser's parser reads it.
      const parsed = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const code = (sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent);
        return {
          scripts: doc.querySelectorAll('script').length,
          inHead: doc.head.querySelectorAll('meta, link, style').length,
          all: doc.querySelectorAll('meta, link, style').length,
          inlineScripts: code('script:not([src]):not([type="text/plain"])'),
          styles: code('style'),
          policy: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
          links: [...doc.querySelectorAll('link[href], script[src]')].map((e) => [
            e.getAttribute('href') ?? e.getAttribute('src'),
            e.getAttribute('integrity'),
          ]),
          app: doc.querySelector('#app > *') !== null,
        };
      }, html);
      // Nothing swallowed: every tag written is an element read, and the
      // head's elements stayed in the head.
      assert.equal(parsed.scripts, (html.match(/<script[\s>]/g) ?? []).length, where);
      assert.equal(parsed.inHead, parsed.all, `${where}: head elements outside the head`);
      assert.ok(parsed.app, `${where}: the prerendered view`);
      // The policy's hashes are exactly the inline scripts' and styles'.
      const sha = (algo, text) => `${algo}-${createHash(algo).update(text).digest('base64')}`;
      const hashes = (directive) =>
        parsed.policy.split(';').find((d) => d.trim().startsWith(directive)).match(/sha256-[A-Za-z0-9+/=]+/g) ?? [];
      assert.deepEqual(hashes('script-src').sort(), [...new Set(parsed.inlineScripts.map((c) => sha('sha256', c)))].sort(), where);
      assert.deepEqual(hashes('style-src').sort(), [...new Set(parsed.styles.map((c) => sha('sha256', c)))].sort(), where);
      // Every file named is beside the page, with the integrity it claims.
      for (const [href, integrity] of parsed.links) {
        if (href.startsWith('data:')) continue;
        const bytes = await readFile(join(dir, href));
        if (integrity) assert.equal(integrity, sha('sha384', bytes), `${where}: ${href}`);
      }
      // And so is every file the page fetches as it starts.
      const early = html.match(/new Map\((\[[^\]]*\])/);
      assert.equal(early !== null, name === 'index.html', `${where}: early fetches only where served`);
      for (const file of early ? JSON.parse(early[1]) : []) await readFile(join(dir, file));
      assert.doesNotMatch(html, /as="fetch"/, `${where}: no fetch preload (WebKit downloads them twice)`);
    }
  });

  test('is readable with JavaScript turned off', async () => {
    const { page, context } = await reader.page({ javaScriptEnabled: false });
    await page.goto(reader.url);
    assert.equal(await page.textContent('h1'), '政工工作心得体会范文合集');
    assert.equal(
      await page.textContent('header .facts'),
      '原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南',
    );
    assert.equal(await page.locator('main h2').count(), 5);
    assert.equal(await page.locator('main h3').count(), 7);
    assert.ok(await page.getByText('在日常工作中，我时刻').isVisible());
    assert.ok(await page.getByText('……（节选至此，原文未完）').isVisible());
    await context.close();
  });

  test('paints the text before the wasm has loaded, then takes over in place', async () => {
    const { page, context } = await reader.page({ viewport: { width: 1000, height: 700 } });
    // Hold the wasm back until the static page has been measured and scrolled.
    const release = await holdWasm(page);
    await page.goto(reader.url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('wenji-interactive').length), 0,
      'the app is not running yet');
    const before = await headingBoxes(page);
    await page.evaluate(() => window.scrollTo(0, 900));
    release();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    const interactive = await page.evaluate(() => performance.getEntriesByName('wenji-interactive')[0].startTime);
    assert.ok(fcp < interactive, `first paint ${fcp} ms before the app ${interactive} ms`);
    assert.deepEqual(await headingBoxes(page), before, 'nothing moved when the app took over');
    assert.equal(await page.evaluate(() => scrollY), 900, 'the scroll position is kept');
    // And it is the app now: folding works.
    await foldControl(page, '篇章一').click();
    assert.equal(await page.locator('#篇章一-body').isVisible(), false);
    await context.close();
  });

  test('the app adopts the prerendered nodes: nothing is built again', async () => {
    const { page, context } = await reader.page();
    assert.equal(await adoptedNodes(page, reader.url, 'main h2, .search-input'), 6);
    await context.close();
  });

  test('the tools are fetched when first opened; when they cannot be, the panel says so and the page works on', async () => {
    const { page, log, context } = await reader.page({ serviceWorkers: 'block' });
    let refuse = true;
    await page.route('**/*-split_tools.wasm', (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    const parts = () => log.requests.filter((u) => u.includes('-split_')).map((u) => u.split('-split_')[1]);
    assert.deepEqual(parts(), [], 'the first view fetches no tool');
    // The loader of the parts is fetched beside the glue that imports it, once.
    const loader = await page.getAttribute('link[rel="modulepreload"][href$="-split.js"]', 'href');
    assert.equal(log.requests.filter((u) => u.endsWith(loader.slice(1))).length, 1);
    const button = (id) => page.locator(`button[aria-controls="${id}"]`).first();

    await button('files-panel').click();
    await page.waitForFunction(
      (text) => document.querySelector('.notice')?.textContent === text,
      '这部分功能没能加载（可能是网络不通），请稍后再试。',
    );
    assert.equal(await page.locator('#files-panel').count(), 0);
    assert.equal(await button('files-panel').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#panic-notice').count(), 0, 'no fault notice');
    await searchBox(page).fill('傳幫帶');
    await page.waitForSelector('main mark');
    // The next try fetches them again; then every panel is at hand.
    refuse = false;
    await button('files-panel').click();
    await page.waitForSelector('#files-panel');
    await button('display-panel').click();
    await page.waitForSelector('#display-panel');
    assert.deepEqual(parts(), ['tools.wasm', 'tools.wasm']);
    assert.deepEqual(log.errors.filter((e) => !/ERR_FAILED|Failed to fetch/.test(e)), []);
    await context.close();
  });

  test('a remembered folding and display are painted before the app, which takes over in place', async () => {
    const options = { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' };
    const { page, context } = await reader.page(options);
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await foldControl(page, '篇章一').click();
    await page.locator('#篇章三-其二 h3 button').click();
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByLabel('较大').check();
    // Reload with the wasm held back: what shows is the static page alone.
    const release = await holdWasm(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('wenji-interactive').length), 0);
    const folded = () =>
      page.$$eval('button.fold', (bs) => bs.filter((b) => b.getAttribute('aria-expanded') === 'false').map((b) => b.closest('section').id));
    assert.deepEqual(await folded(), ['篇章一', '篇章三-其二']);
    assert.equal(await page.locator('#篇章一-body').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-size'), '2');
    const before = await headingBoxes(page);
    release();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.deepEqual(await headingBoxes(page), before, 'nothing moved when the app took over');
    assert.deepEqual(await folded(), ['篇章一', '篇章三-其二']);
    await context.close();
  });

  test('keeps what was typed before the app started', async () => {
    const { page, context } = await reader.page();
    const release = await holdWasm(page);
    await page.goto(reader.url, { waitUntil: 'domcontentloaded' });
    await searchBox(page).fill('守正');
    release();
    await page.waitForSelector('main mark');
    assert.equal(await searchBox(page).inputValue(), '守正');
    assert.equal(new URL(page.url()).searchParams.get('q'), '守正');
    await context.close();
  });

  test('reports no CSP violation while loading, folding and filtering', async () => {
    const { page, log, context } = await reader.page();
    await watchCsp(page);
    await page.goto(reader.url);
    await ready(page);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.getByRole('button', { name: '全部展开' }).click();
    await searchBox(page).fill('szcx');
    await page.waitForSelector('main mark');
    await searchBox(page).press('Enter');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(log.errors, []);
    const origin = new URL(reader.url).origin;
    assert.deepEqual(log.requests.filter((u) => new URL(u).origin !== origin), []);
    await context.close();
  });

  test('the single file opens from file:// alone and filters', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wenji-single-'));
    await copyFile('dist/wenji.html', join(dir, 'wenji.html'));
    assert.deepEqual(await readdir(dir), ['wenji.html']);
    const { page, log, context } = await reader.page();
    await watchCsp(page);
    await page.goto(pathToFileURL(join(dir, 'wenji.html')).href);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await page.textContent('h1'), '政工工作心得体会范文合集');
    assert.equal(await page.locator('main h2').count(), 5);
    await searchBox(page).fill('傳幫帶');
    await page.waitForSelector('main mark');
    assert.deepEqual(await page.$$eval('main mark', (ms) => ms.map((m) => m.textContent)), ['传帮带']);
    await foldControl(page, '篇章二').click();
    assert.equal(await page.locator('#篇章二-body').isVisible(), false);
    // A panel's part of the wasm comes from the file too.
    await page.locator('button[aria-controls="notebook-panel"]').first().click();
    await page.waitForSelector('#notebook-panel');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    await context.close();
  });
});
