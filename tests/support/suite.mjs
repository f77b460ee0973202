// The scaffolding every reader test file shares: serve a build, launch
// Chromium once, open pages that record their errors.
import { after, before } from 'node:test';

import { serve } from './serve.mjs';
import { launch, ready, recordedPage } from './browser.mjs';

/**
 * Register before/after hooks for a test file. The returned object's
 * `url` and `browser` are set once the hooks have run; `open(path, options)`
 * opens `url + path` in a new context and waits for the app, `openUrl(url,
 * options)` any address.
 */
export function readerSuite(dir = 'dist') {
  const suite = {
    url: undefined,
    browser: undefined,
    open(path = '', options = {}) {
      return suite.openUrl(suite.url + path, options);
    },
    /** The same for a whole address (another server, a sub-path). */
    async openUrl(url, options = {}) {
      const rec = await recordedPage(suite.browser, options);
      await rec.page.goto(url);
      await ready(rec.page);
      await rec.page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
      return rec;
    },
  };
  let server;
  before(async () => {
    server = await serve(dir);
    suite.url = server.url;
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await server?.close();
  });
  return suite;
}

/** Wait for the page to settle after a change (two animation frames). */
export function frames(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}
