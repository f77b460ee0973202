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
    const keys = ['wenji:folding:zhenggong-xinde', 'wenji', 'wenji:folding', 'wenji:theme', 'wenji.v0', 'folding', 'wenji:reading:zhenggong-xinde'];
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
      assert.equal(await page.locator('.resume').isVisible(), false, 'no place to go back to');
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

describe('the reading position', () => {
  const SECTION = '篇章二-其一';
  const readTo = async (page, id) => {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
    await page.waitForFunction(
      (id) => localStorage.getItem('wenji:reading:zhenggong-xinde')?.endsWith(id),
      id,
    );
  };

  test('is offered as 继续阅读 on the next visit, and taken only when asked', async () => {
    const { page, context, log } = await reader.open();
    await readTo(page, SECTION);
    const next = await context.newPage();
    await next.goto(reader.url);
    await next.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    const offer = next.locator('.resume');
    await offer.waitFor();
    assert.equal(await offer.textContent(), '继续阅读其一，学会“倾听”，方能“理解”。×');
    assert.equal(await next.evaluate(() => scrollY), 0, 'not jumped to unasked');
    await next.getByRole('button', { name: /^继续阅读/ }).click();
    await next.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top >= 0 && top < 200;
    }, SECTION);
    assert.equal(await next.evaluate(() => document.activeElement.id), `${SECTION}-fold`);
    assert.equal(await offer.isVisible(), false);
    assert.deepEqual(log.errors, []);
  });

  test('is not offered when the address says where to go or what to find, nor once declined', async () => {
    const { page, context } = await reader.open();
    await readTo(page, SECTION);
    for (const path of ['#篇章一', '?q=' + encodeURIComponent('守正')]) {
      const other = await context.newPage();
      await other.goto(reader.url + path);
      await other.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
      await other.waitForTimeout(200);
      assert.equal(await other.locator('.resume').isVisible(), false, path);
      if (path.startsWith('?q=')) {
        // Nor once the search is cleared: the reader is reading here.
        await other.getByRole('searchbox', { name: '搜索文章' }).fill('');
        await other.waitForFunction(() => !location.search.includes('q='));
        await other.waitForTimeout(300);
        assert.equal(await other.locator('.resume').isVisible(), false, 'after the search is cleared');
      }
    }
    const again = await context.newPage();
    await again.goto(reader.url);
    await again.locator('.resume').waitFor();
    await again.getByRole('button', { name: '不用了' }).click();
    assert.equal(await again.locator('.resume').isVisible(), false);
    assert.equal(await again.evaluate(() => scrollY), 0);
  });
});

describe('the page and its database', () => {
  test("another tab's newer build can upgrade the database while the page is open", async () => {
    const { page, context } = await reader.open();
    // The page has the database open (the kept files are looked up at start).
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'wenji'));
    const other = await context.newPage();
    await other.goto(reader.url + 'manifest.webmanifest');
    const upgrade = await other.evaluate(
      () =>
        new Promise((resolve) => {
          const request = indexedDB.open('wenji', 1000);
          request.onblocked = () => resolve('blocked by the open page');
          request.onsuccess = () => {
            request.result.close();
            resolve('upgraded');
          };
          request.onerror = () => resolve(`error: ${request.error}`);
        }),
    );
    assert.equal(upgrade, 'upgraded');
    // The page itself still works.
    await searchBox(page).fill('守正');
    await page.waitForSelector('main mark');
  });
});
