// Hostile content (built into target/dist-hostile by the test command)
// renders as text: no script runs, no foreign element appears, highlights
// land on the right characters.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { serve } from './support/serve.mjs';
import { readerSuite, searchBox } from './support/suite.mjs';
import { LINE_END, PARAGRAPHS, TITLE } from './support/make-hostile.mjs';

const reader = readerSuite('target/dist-hostile');

// The reader's own elements (the help overlay brings DL, DT, DD, KBD).
const ALLOWED = ['A', 'ARTICLE', 'BUTTON', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'H1', 'H2', 'H3', 'HEADER', 'INPUT', 'KBD', 'LABEL', 'LEGEND', 'LI', 'MAIN', 'MARK', 'NAV', 'OL', 'P', 'SECTION', 'SPAN'];

describe('hostile content', () => {
  test('renders every hostile paragraph as its own text', async () => {
    const { page, context, dialogs, messages, log } = await reader.open();
    assert.equal(await page.textContent('h1'), TITLE);
    assert.equal(TITLE.length, 10_000);
    const leads = await page.$$eval('#引言 .lead', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(leads, Object.values(PARAGRAPHS));
    assert.match(await page.textContent('header .facts'), /发布于<script>alert\(7\)<\/script>$/);
    const tags = await page.$$eval('#app *', (els) => [...new Set(els.map((e) => e.tagName))].sort());
    assert.deepEqual(tags.filter((t) => !ALLOWED.includes(t)), [], `foreign elements: ${tags}`);
    assert.equal(await page.locator('#app [onerror], #app [onclick], #app iframe, #app img, #app script').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(messages.filter((m) => m.includes('pwned')), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the prerendered page is as harmless, before any script runs', async () => {
    const { page, context } = await reader.page({ javaScriptEnabled: false });
    await page.goto(reader.url);
    assert.equal(await page.textContent('h1'), TITLE);
    assert.equal(await page.locator('#app script, #app img, #app iframe, #app style').count(), 0);
    assert.equal(
      await page.$eval('#篇章一-其一 .sub-body p', (p) => p.textContent),
      '&lt;script&gt; 与 <style>body{display:none}</style> 都是文字。',
    );
    await context.close();
  });

  test('highlights land on the right characters among emoji, astral and combining characters', async () => {
    const { page, context } = await reader.open();
    const marks = () => page.$$eval('main mark', (ms) => ms.map((m) => m.textContent));
    await searchBox(page).fill('𠀀');
    await page.waitForSelector('main mark');
    assert.deepEqual(await marks(), ['𠀀']);
    await searchBox(page).fill('零宽字符');
    await page.waitForFunction(() => document.querySelector('main mark')?.textContent.startsWith('零'));
    assert.deepEqual(await marks(), ['零\u200b宽\u200d字符']);
    await searchBox(page).fill('反向文字');
    await page.waitForFunction(() => document.querySelector('main mark')?.textContent === '反向文字');
    // The essay is long (a 1 MB line): searched in slices, the old marks
    // stand until the new ones are all there.
    await searchBox(page).fill('<script>');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.startsWith('共'));
    assert.ok((await marks()).length > 0);
    assert.ok((await marks()).every((m) => m.toLowerCase().replace(/[<>]/g, '') === 'script'));
    await context.close();
  });

  test('a 1 MB line is searched to its last characters', async () => {
    const { page, context } = await reader.open();
    const started = Date.now();
    await searchBox(page).fill(LINE_END);
    await page.waitForFunction((end) => document.querySelector('main mark')?.textContent === end, LINE_END);
    assert.deepEqual(await page.$$eval('main mark', (ms) => ms.map((m) => m.textContent)), [LINE_END]);
    console.log(`# 1 MB line: hit shown ${Date.now() - started} ms after typing`);
    await context.close();
  });
});

describe('faults', () => {
  test('a panic shows a notice with a reload link, and the text stays', async () => {
    const debug = await serve('target/dist-debug');
    try {
      const { page, context, log } = await reader.page();
      await page.goto(`${debug.url}?debug-panic`);
      const notice = page.locator('#panic-notice');
      await notice.waitFor({ timeout: 30000 });
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.match(await notice.textContent(), /阅读器出错了/);
      assert.equal(await notice.getByRole('link', { name: '重新加载' }).getAttribute('href'), `${debug.url}?debug-panic`);
      assert.equal(await page.locator('main h2').count(), 5);
      assert.ok(await page.getByText('在日常工作中，我时刻').isVisible());
      assert.ok(log.errors.some((e) => e.includes('debug-panic')), 'the panic is in the console');
      await context.close();
    } finally {
      await debug.close();
    }
  });

  test('the release build, whose panics trap at once: a trap of the wasm shows the notice, another error does not', async () => {
    const site = await serve('dist');
    try {
      const { page, context } = await reader.page();
      await page.goto(site.url);
      await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
      const notice = page.locator('#panic-notice');
      // An error that is not the wasm's leaves the page alone.
      await page.evaluate(() => {
        setTimeout(() => {
          throw new Error('not the reader');
        });
        Promise.reject(new TypeError('nor this'));
      });
      await page.waitForTimeout(300);
      assert.equal(await notice.count(), 0);
      // What an immediate-abort panic throws: the wasm's RuntimeError, uncaught.
      await page.evaluate(() =>
        setTimeout(() => {
          throw new WebAssembly.RuntimeError('unreachable');
        }),
      );
      await notice.waitFor();
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.match(await notice.textContent(), /^阅读器出错了，搜索和折叠暂时无法使用；正文仍可阅读。重新加载$/);
      assert.ok(await page.getByText('在日常工作中，我时刻').isVisible());
      await context.close();
    } finally {
      await site.close();
    }
  });

  test('an index that cannot be read: the notice says so, and the prerendered list stays', async () => {
    // The seed's page carries its index inline; the 140 essays' is fetched.
    const site = await serve('target/dist-140');
    try {
      const { page, context } = await reader.page({ serviceWorkers: 'block' });
      await page.route(/index-[0-9a-f]{16}\.txt$/, (route) => route.fulfill({ status: 500, body: '' }));
      await page.goto(site.url);
      const notice = page.locator('#panic-notice');
      await notice.waitFor();
      assert.match(
        await notice.textContent(),
        /^无法读取文集数据 index-[0-9a-f]{16}\.txt：搜索和折叠暂时无法使用，正文仍可阅读。重新加载$/,
      );
      assert.equal(await notice.getByRole('link', { name: '重新加载' }).getAttribute('href'), site.url);
      assert.ok(await page.locator('.library .essay-link').first().isVisible());
      await context.close();
    } finally {
      await site.close();
    }
  });
});
