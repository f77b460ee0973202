// Browser storage that throws, is full, or holds junk: the reader starts
// with its defaults, works, and says nothing alarming.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ready } from './support/browser.mjs';
import { foldControl, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite('dist');

const FAULTS = {
  'storage access throws': () => {
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  },
  'storage is full': () => {
    Storage.prototype.setItem = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  },
  'storage holds corrupted and old-format values': () => {
    const junk = ['wenji-folding-v0\n篇章一', '{not json', '\u0000\uffff', 'null', '[]', '{"version":0,"folded":"篇章一"}', 'x'.repeat(100000)];
    const keys = ['wenji:folding:zhenggong-xinde', 'wenji', 'wenji:folding', 'wenji:theme', 'wenji.v0', 'folding'];
    for (const [i, key] of keys.entries()) {
      localStorage.setItem(key, junk[i % junk.length]);
      sessionStorage.setItem(key, junk[(i + 1) % junk.length]);
    }
  },
};

describe('storage faults', () => {
  for (const [name, fault] of Object.entries(FAULTS)) {
    test(`${name}: the reader starts with defaults and works`, async () => {
      const { page, context, log } = await reader.page();
      await page.addInitScript(fault);
      await page.goto(reader.url);
      await ready(page);
      await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
      // Defaults: everything unfolded, no query.
      const expanded = await page.$$eval('button.fold', (bs) => bs.map((b) => b.getAttribute('aria-expanded')));
      assert.deepEqual(expanded, Array(12).fill('true'));
      assert.equal(await searchBox(page).inputValue(), '');
      await foldControl(page, '篇章一').click();
      assert.equal(await page.locator('#篇章一-body').isVisible(), false);
      await searchBox(page).fill('守正');
      await page.waitForSelector('main mark');
      // Nothing alarming: no error shown, none logged.
      assert.equal(await page.locator('#panic-notice').count(), 0);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
});
