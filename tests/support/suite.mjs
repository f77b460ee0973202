// The scaffolding every reader test file shares: serve a build, launch
// Chromium once, open pages that record what happens in them, close every
// page's context after each test (also when an assertion failed), and find
// the reader's elements as a person does (by role and name).
import { after, afterEach, before } from 'node:test';

import { serve } from './serve.mjs';
import { launch, ready, recordedPage } from './browser.mjs';

/**
 * Register the hooks for a test file. The returned object's `url` and
 * `browser` are set once the hooks have run. The one way to open a page:
 * `open(path, options)` opens `url + path` and waits for the app;
 * `openUrl(url, options)` any address; `page(options)` a page not yet
 * anywhere (to go to while the wasm is held, or with JavaScript off).
 * Each returns `{ context, page, log }` (see `recordedPage`).
 */
export function readerSuite(dir = 'dist') {
  const opened = new Set();
  const suite = {
    url: undefined,
    browser: undefined,
    async page(options = {}) {
      const rec = await recordedPage(suite.browser, options);
      opened.add(rec.context);
      return rec;
    },
    open(path = '', options = {}) {
      return suite.openUrl(suite.url + path, options);
    },
    async openUrl(url, options = {}) {
      const rec = await suite.page(options);
      await rec.page.goto(url);
      await ready(rec.page);
      await rec.page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0, null, {
        timeout: 30000,
      });
      return rec;
    },
  };
  let server;
  before(async () => {
    server = await serve(dir);
    suite.url = server.url;
    suite.browser = await launch();
  });
  afterEach(async () => {
    await Promise.all([...opened].map((c) => c.close().catch(() => {})));
    opened.clear();
  });
  after(async () => {
    await suite.browser?.close();
    await server?.close();
  });
  return suite;
}

/** The search box, as a person finds it. */
export function searchBox(page) {
  return page.getByRole('searchbox', { name: '搜索文章' });
}

/**
 * The fold control of the part whose title begins with `part` (引言,
 * 篇章一 …) on an essay's page: the button in its heading.
 */
export function foldControl(page, part) {
  return page
    .getByRole('heading', { level: 2, name: new RegExp(`^${part}`), includeHidden: true })
    .getByRole('button', { includeHidden: true });
}

/** Wait for the page to settle after a change (two animation frames). */
export function frames(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/**
 * The panel `id`, opened with its button `name` unless it is open already.
 * Waits for it: its code may still be on its way (a part of the wasm
 * fetched when first wanted), and a second click meanwhile would close it.
 */
export async function openPanel(page, name, id) {
  const panel = page.locator(`#${id}`);
  if (!(await panel.isVisible())) await page.getByRole('button', { name, exact: true }).first().click();
  await panel.waitFor();
  return panel;
}

/**
 * Pick a file of `text` named `name` through the page's own file input,
 * made in the page: a megabyte through the test's channel would be the
 * harness's time, and Playwright's setInputFiles keeps the panel's old
 * nodes bound in DevTools (a leak of the test, not of the page). The
 * input must be in the page (its panel open).
 */
export async function pickInPage(page, name, text) {
  await page.locator('#file-input').waitFor({ state: 'attached' });
  await page.evaluate(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name));
      const input = document.getElementById('file-input');
      input.files = data.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text],
  );
}

/** An init script: the page never asks the service worker for the files a
 * first view does not need (as a visit that went offline first). */
export const NEVER_PRECACHE = () => {
  const post = ServiceWorker.prototype.postMessage;
  ServiceWorker.prototype.postMessage = function (message, ...rest) {
    if (message !== 'precache-later') post.call(this, message, ...rest);
  };
};
