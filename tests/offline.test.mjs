// Offline after one visit, and a new build taking over after the prompt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { serve } from './support/serve.mjs';
import { launch, ready, recordedPage } from './support/browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A copy of dist/ that the test may "deploy" a new build into. */
async function site() {
  const dir = await mkdtemp(join(tmpdir(), 'wenji-site-'));
  await cp('dist', dir, { recursive: true });
  return { dir, server: await serve(dir) };
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const buildId = (page) => page.getAttribute('meta[name="wenji-build"]', 'content');

describe('offline', () => {
  test('after one visit the reader opens and filters with no network', async () => {
    const { server } = await site();
    const { page, context, log } = await recordedPage(browser);
    await page.goto(server.url);
    await ready(page);
    await controlled(page);

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await page.textContent('h1'), '政工工作心得体会范文合集');
    await page.fill('#search', 'shouzheng');
    await page.waitForSelector('main mark');
    assert.equal(await page.textContent('#search-status'), '共 4 处，分布在 3 节');
    // A shared filtered address opens offline too.
    await page.goto(`${server.url}?q=${encodeURIComponent('传帮带')}`);
    await page.waitForSelector('main mark');
    assert.deepEqual(log.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
    await server.close();
  });

  test('a new build takes over after the reader accepts it', async () => {
    const { dir, server } = await site();
    const { page, context } = await recordedPage(browser);
    await page.goto(server.url);
    await ready(page);
    await controlled(page);
    const oldId = await buildId(page);
    await context.setOffline(true);
    await page.reload();
    await ready(page);

    // Deploy a changed build: new page content, new service worker.
    const newId = 'test-new-build';
    const index = (await readFile(join(dir, 'index.html'), 'utf8')).replace(oldId, newId);
    await writeFile(join(dir, 'index.html'), index);
    const sw = (await readFile(join(dir, 'sw.js'), 'utf8')).replace(/const BUILD = "[^"]+"/, `const BUILD = "${newId}"`);
    await writeFile(join(dir, 'sw.js'), sw);

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
});
