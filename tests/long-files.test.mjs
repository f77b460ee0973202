// A reader's own long file (a 章回 text of hundreds of parts): rendered a
// window at a time, its text and its outline; more as the reader scrolls,
// asks (显示更多) or goes further (outline, a hit); searched off the typing
// path with every hit counted, the first results on screen however far
// into the file they are.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { pickInPage, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();

const PARTS = 400;
/** About 1 MB: part N holds 第N段 lines; part 333 alone holds 孤峰. */
function longText() {
  const lines = ['长篇调研汇编', ''];
  for (let n = 1; n <= PARTS; n++) {
    lines.push(`第${n}章 调研之${n}`);
    for (let k = 1; k <= 6; k++) {
      const rare = n === 333 && k === 4 ? '在孤峰之上远望。' : '';
      lines.push(`第${n}章第${k}段：学习理论、联系实际，倾听群众呼声，把工作做实做细，在实践中检验真理、发展真理。`.repeat(3) + rare);
    }
  }
  return lines.join('\n');
}

/** Pick `text` as 长篇.txt. */
async function open(page, text) {
  await page.getByRole('button', { name: '打开文件' }).click();
  await pickInPage(page, '长篇.txt', text);
  await page.waitForFunction(() => document.title === '长篇调研汇编 · 文集', null, { timeout: 30000 });
  await page.locator('main .part').first().waitFor();
}

const rendered = (page) => page.locator('main article .part').count();
const partTitles = (page) => page.$$eval('main article h2 .heading-text', (hs) => hs.map((h) => h.textContent));

describe('a long file of one\'s own', () => {
  test('is rendered a window at a time: the first screens, then more as the reader scrolls or asks', async () => {
    const { page, log } = await reader.open('');
    await open(page, longText());
    const first = await rendered(page);
    assert.ok(first > 3 && first < 60, `a window of the ${PARTS} parts, not all: ${first}`);
    assert.equal((await partTitles(page))[0], '第1章 调研之1');
    const more = page.locator('main .more-parts button');
    assert.match(await more.textContent(), new RegExp(`还有 ${PARTS - first} 章`));
    // Scrolling near the end renders more.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction((n) => document.querySelectorAll('main article .part').length > n, first);
    // So does the button.
    const now = await rendered(page);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('main article .part').length > n, now);
    // The outline too holds a window, with its own 显示更多.
    const outline = page.locator('#outline .outline-part');
    const entries = await outline.count();
    assert.ok(entries >= first && entries < PARTS, `outline entries: ${entries}`);
    await page.locator('#outline .outline-more button').click();
    await page.waitForFunction((n) => document.querySelectorAll('#outline .outline-part').length > n, entries);
    // 全部折叠 folds what is rendered, and later parts come folded too.
    await page.getByRole('button', { name: '全部折叠' }).first().click();
    assert.equal(await page.locator('main article .part-body:not([hidden])').count(), 0);
    assert.deepEqual(log.errors, []);
  });

  test('a search counts every hit of the file at once, and shows the first far into it; a hit further on is rendered when gone to', async () => {
    const { page, log } = await reader.open('');
    await open(page, longText());
    // One hit, in part 333 of 400: it is what the page shows, the counter
    // counts it, and it is marked.
    await searchBox(page).fill('孤峰');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.startsWith('共 1 处'));
    assert.equal(await page.locator('#search-status').textContent(), '共 1 处，显示 1 章');
    assert.deepEqual(await partTitles(page), ['第333章 调研之333']);
    assert.equal(await page.locator('main article mark').first().textContent(), '孤峰');
    // Every part holds 实践: all are counted, few rendered.
    await searchBox(page).fill('实践');
    await page.waitForFunction(() => /^共 \d+ 处/.test(document.querySelector('#search-status')?.textContent ?? ''));
    assert.equal(await page.locator('#search-status').textContent(), `共 ${PARTS * 6 * 3} 处，显示 ${PARTS} 章`);
    const shown = await rendered(page);
    assert.ok(shown < 60, `a window of the results: ${shown}`);
    // The last hit (back from the first) is rendered and brought into view.
    await searchBox(page).press('Enter');
    await searchBox(page).press('Shift+Enter');
    const current = page.locator('#current-hit');
    await current.waitFor();
    assert.equal(
      await current.evaluate((m) => m.closest('.part').querySelector('.heading-text').textContent),
      `第${PARTS}章 调研之${PARTS}`,
    );
    assert.ok(await current.isVisible());
    // Cleared: the file from its top again, a window of it.
    await searchBox(page).fill('');
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') === '');
    assert.equal((await partTitles(page))[0], '第1章 调研之1');
    assert.deepEqual(log.errors, []);
  });

  test('from the list of all essays, the long file is searched in slices of its own and counted with the others', async () => {
    const { page, log } = await reader.open('');
    await open(page, longText());
    await page.getByRole('link', { name: '← 全部文章' }).click();
    const status = page.locator('#search-status');
    // A query dropped for the next while the long file is searched: only
    // the last one's hits are counted.
    await searchBox(page).fill('实践');
    await searchBox(page).fill('孤峰');
    await status.filter({ hasText: '篇文章中' }).waitFor();
    assert.equal(await status.textContent(), '共 1 处，在 1 篇文章中');
    await page.locator('main').getByText('长篇调研汇编').first().waitFor();
    await searchBox(page).fill('调研之333');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === '共 1 处，在 1 篇文章中');
    // The essay's own page agrees, from the hits the list found.
    await page.locator('main').getByRole('link', { name: /长篇调研汇编/ }).first().click();
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent.startsWith('共 1 处'));
    assert.deepEqual(await partTitles(page), ['第333章 调研之333']);
    assert.deepEqual(log.errors, []);
  });

  test('an outline entry further on than what is rendered goes there', async () => {
    const { page, log } = await reader.open('');
    await open(page, longText());
    const more = page.locator('#outline .outline-more button');
    while (!(await page.locator('#outline a', { hasText: '第380章' }).count())) await more.click();
    await page.locator('#outline a', { hasText: '第380章 调研之380' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /第380章 调研之380/ });
    await heading.waitFor();
    assert.ok(await heading.isVisible());
    assert.match(page.url(), /#/);
    assert.deepEqual(log.errors, []);
  });
});
