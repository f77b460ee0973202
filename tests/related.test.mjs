// 相关段落: under each sub-section, folded, the passages of the collection
// that say something close (found at build time), each with the words it
// shares marked and a link that opens it where it is. The seed (one essay:
// passages within it) and the generated collection of 140 essays (other
// essays first), built by the test command into dist/ and target/dist-140.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { readerSuite } from './support/suite.mjs';

const seed = readerSuite('dist');
const many = readerSuite('target/dist-140');

const toggleOf = (page, id) => page.locator(`[id="${id}"] .related-toggle`);

describe('related passages in one essay', () => {
  test('folded by default; opened, each names where it is and marks the shared words', async () => {
    const { page, log } = await seed.open('');
    const toggle = toggleOf(page, '篇章一-其一');
    assert.match(await toggle.textContent(), /^相关段落（[1-3]）$/);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const list = page.locator('#篇章一-其一-related');
    assert.equal(await list.isVisible(), false);
    assert.equal(await list.locator('li').count(), 0, 'nothing is built before it is opened');

    // Opened from the keyboard.
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await list.locator('.related-text').first().waitFor();
    const items = await list.locator('li').evaluateAll((lis) =>
      lis.map((li) => ({
        link: li.querySelector('a').textContent,
        text: li.querySelector('.related-text').textContent,
        shared: [...li.querySelectorAll('.shared')].map((b) => b.textContent),
      })),
    );
    assert.ok(items.length >= 1 && items.length <= 3, JSON.stringify(items));
    const headings = await page.$$eval('main .heading-text', (hs) => hs.map((h) => h.textContent));
    for (const item of items) {
      assert.match(item.link, /^本文 · /, 'within the one essay');
      assert.ok(headings.includes(item.link.replace('本文 · ', '')), item.link);
      assert.notEqual(item.link, '本文 · 其一，在“学深悟透”上下苦功。', 'never itself');
      assert.ok(item.shared.length >= 1, `shared words are marked: ${JSON.stringify(item)}`);
      for (const word of item.shared) assert.ok(item.text.includes(word));
    }
    // Not search hits: the search's marks and counts are untouched.
    assert.equal(await list.locator('mark').count(), 0);

    // Its link opens the passage where it stands.
    const first = list.locator('a').first();
    const target = decodeURIComponent((await first.getAttribute('href')).split('#')[1]);
    await first.click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#${id}`, target);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    }, target);
    assert.deepEqual(log.errors, []);
  });

  test('left out of copies and of print', async () => {
    const { page } = await seed.open('');
    await toggleOf(page, '篇章一-其一').click();
    await page.locator('#篇章一-其一-related .related-text').first().waitFor();
    const copied = await page.evaluate(() => {
      const s = document.getElementById('篇章一-其一');
      const range = document.createRange();
      range.selectNodeContents(s);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const data = new DataTransfer();
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    assert.ok(copied.startsWith('其一，在“学深悟透”上下苦功。'), copied.slice(0, 40));
    assert.ok(!copied.includes('相关段落') && !copied.includes('本文 · '), copied);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#篇章一-其一 .related').isVisible(), false);
  });
});

describe('related passages across a collection', () => {
  test('other essays come first, and a link opens the other essay at the passage', async () => {
    const { page, log } = await many.open('?essay=essay-0001');
    const toggle = page.locator('main section.sub .related-toggle').first();
    await toggle.click();
    const list = page.locator('main .related-list').first();
    await list.locator('.related-text').first().waitFor();
    const links = await list.locator('a').allTextContents();
    assert.ok(links.length >= 1);
    assert.match(links[0], /^《.+》 · /, 'another essay first');
    const title = links[0].match(/^《(.+)》/)[1];
    const href = await list.locator('a').first().getAttribute('href');
    const id = decodeURIComponent(href.split('#')[1]);
    await list.locator('a').first().click();
    await page.waitForFunction((t) => document.title === `${t} · 文集`, title);
    assert.notEqual(new URL(page.url()).searchParams.get('essay'), 'essay-0001');
    await page.waitForFunction((id) => {
      const s = document.getElementById(id);
      if (!s) return false;
      const r = s.getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    }, id);
    // Back returns to the essay the reader came from.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('essay') === 'essay-0001');
    assert.deepEqual(log.errors, []);
  });
});
