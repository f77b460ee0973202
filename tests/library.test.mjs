// A generated collection of 140 essays (scripts/make-collection.mjs), built
// once by the test command into target/dist-140: the library view, queries
// across essays, addresses, Back, hit navigation beyond what is rendered,
// a sub-path, and the data files beside an unchanged wasm.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';

import { serve } from './support/serve.mjs';
import { adoptedNodes } from './support/browser.mjs';
import { frames, readerSuite, searchBox } from './support/suite.mjs';

const DIST = 'target/dist-140';
const reader = readerSuite(DIST);

// The service worker's precache would fetch the text too, and race the
// page for the routes these tests put on it.
const NO_WORKER = { serviceWorkers: 'block' };
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const titles = (page) => page.$$eval('.library .essay-link-title', (ts) => ts.map((t) => t.textContent));
/** Wait until the search has gone through every essay. */
const searched = (page) =>
  page.waitForFunction(() => {
    const p = document.querySelector('.search-progress');
    return p && p.hidden;
  });

describe('a library of 140 essays', () => {
  test('a compact list, a hundred at a time, sorted and narrowed from the address', async () => {
    const { page, log, context } = await reader.open();
    assert.equal(await page.textContent('.list-count'), '共 140 篇');
    assert.equal(await page.locator('.library .essay-link').count(), 100);
    await page.getByRole('button', { name: '显示更多（还有 40 篇）' }).click();
    assert.equal(await page.locator('.library .essay-link').count(), 140);

    // Newest first: the dates never increase down the list.
    await page.selectOption('#list-sort', 'date');
    assert.equal(params(page).sort, 'date');
    const dates = await page.$$eval('.library .essay-link .facts', (fs) =>
      fs.map((f) => f.textContent.match(/\d{4}-\d{2}-\d{2}/)[0]),
    );
    assert.deepEqual(dates, [...dates].sort().reverse());

    // Narrowed by a region: every row says that region, and the count adds up.
    const region = await page.$eval('#list-region option:nth-child(2)', (o) => o.value);
    const expected = Number((await page.textContent('#list-region option:nth-child(2)')).match(/（(\d+)）/)[1]);
    await page.selectOption('#list-region', region);
    assert.equal(params(page).region, region);
    const facts = await page.$$eval('.library .essay-link .facts', (fs) => fs.map((f) => f.textContent));
    assert.equal(facts.length, expected);
    assert.ok(facts.every((f) => f.endsWith(`发布于${region}`)), facts.join('\n'));
    assert.equal(await page.textContent('.list-count'), `${expected} 篇（共 140 篇）`);

    // By title, then Back twice: region and date order come back in turn.
    await page.selectOption('#list-sort', 'title');
    const byTitle = await titles(page);
    // By pinyin, as a reader looks a title up (by code point 中学 would come
    // before 乡镇 and 供电). Generated titles start with their unit.
    const unitsByPinyin = ['部队连队', '高校院系', '供电公司', '国有企业', '基层党支部', '机关工委', '街道社区', '青年团委', '铁路局', '乡镇政府', '医院', '中学'];
    const units = byTitle.map((t) => unitsByPinyin.findIndex((u) => t.startsWith(u)));
    assert.ok(!units.includes(-1), byTitle.join('\n'));
    assert.deepEqual(units, [...units].sort((a, b) => a - b), byTitle.join('\n'));
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    assert.equal(await page.inputValue('#list-sort'), 'date');
    assert.equal(await page.inputValue('#list-region'), region);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('region'));
    assert.equal(await page.inputValue('#list-region'), '');

    // An address with a view opens in that view.
    const { page: other, context: c2 } = await reader.open(`?sort=title&region=${encodeURIComponent(region)}`);
    assert.deepEqual(await titles(other), byTitle);
    await c2.close();
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the 格式 picker names each kind of file once, and a Word file of either age is Word', async () => {
    const { page, log, context } = await reader.open('?format=doc');
    const labels = await page.$$eval('#list-format option', (os) => os.map((o) => o.textContent.replace(/（\d+）$/, '')));
    assert.deepEqual(labels, [...new Set(labels)], 'no name twice');
    // The generated collection has .doc and .docx files: one Word entry for both.
    const word = await page.$eval('#list-format', (s) => [...s.options].find((o) => o.textContent.startsWith('Word 文档')).textContent);
    const count = Number(word.match(/（(\d+)）/)[1]);
    // An address with the older spelling picks the same entry.
    assert.match(await page.$eval('#list-format', (s) => s.selectedOptions[0].textContent), /^Word 文档（\d+）$/);
    assert.equal(await page.textContent('.list-count'), `${count} 篇（共 140 篇）`);
    const formats = await page.$$eval('.library .essay-link .facts', (fs) => fs.map((f) => f.textContent));
    assert.ok(formats.every((f) => f.startsWith('原文为 Word 文档')), formats.join('\n'));
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a query: matching essays first, best first, then their sections; counts add up', async () => {
    const { page, log, context } = await reader.open(`?q=${encodeURIComponent('安全生产')}`);
    await searched(page);
    const rows = await page.$$eval('.result-row', (rs) =>
      rs.map((r) => Number(r.querySelector('.facts').textContent.match(/^(\d+) 处/)[1])),
    );
    // The status line counts every matching essay, rendered or not.
    const status = await page.textContent('#search-status');
    const [, hits, essays] = status.match(/^共 (\d+) 处，在 (\d+) 篇文章中$/).map(Number);
    assert.ok(essays > 5 && essays < 140, status);
    assert.equal(rows.length, Math.min(20, essays), 'a first screen of rows');
    assert.deepEqual(rows, [...rows].sort((a, b) => b - a), 'most hits first');
    assert.ok(await page.locator('.result-row .result-snippet mark').count() >= rows.length);
    assert.equal(await page.locator('.essay-group').count(), 5, 'a first few groups');
    const groupHits = await page.$$eval('.essay-group > .facts', (fs) => fs.map((f) => Number(f.textContent.match(/^(\d+)/)[1])));
    assert.deepEqual(groupHits, rows.slice(0, 5), 'groups follow the rows');
    assert.ok(hits >= rows.reduce((a, b) => a + b, 0));

    // In collection order, from the address.
    await page.selectOption('#result-order', 'order');
    assert.equal(params(page).by, 'order');
    // Generated titles end in their position: （0014）.
    const order = await page.$$eval('.result-row .essay-link-title', (ts) =>
      ts.map((t) => Number(t.textContent.match(/（(\d+)）$/)[1])),
    );
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'collection order');

    // A row opens its essay, filtered, at the sentence it showed.
    const row = page.locator('.result-row').first();
    const sentence = (await row.locator('.result-snippet').textContent()).slice(0, 8);
    const href = await row.locator('.essay-link').getAttribute('href');
    assert.match(href, /^\?essay=essay-\d{4}&q=.*#/);
    await row.locator('.essay-link').click();
    await page.waitForSelector('.essay-page');
    assert.equal(params(page).q, '安全生产');
    const fragment = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r && r.top >= -2 && r.top < innerHeight / 2;
    }, fragment);
    assert.ok((await page.locator(`[id="${fragment}"]`).textContent()).includes(sentence));
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a search that finds nothing within the narrowing says what it leaves out, and offers only near forms within it', async () => {
    // A phrase of a few essays only (the generator's topics), so that some region has none.
    const phrase = '班组建设';
    const { page, log, context } = await reader.open(`?q=${encodeURIComponent(phrase)}`);
    await searched(page);
    const essays = Number((await page.textContent('#search-status')).match(/在 (\d+) 篇文章中$/)[1]);
    const regions = await page.$$eval('#list-region option', (os) => os.map((o) => o.value).filter(Boolean));
    let empty;
    for (const r of regions) {
      await page.selectOption('#list-region', r);
      await searched(page);
      if (await page.locator('.empty-state').isVisible()) {
        empty = r;
        break;
      }
    }
    assert.ok(empty, `some region has no ${phrase}`);
    const outside = page.locator('.outside-narrowing');
    assert.equal(await outside.evaluate((p) => p.firstChild.textContent), `筛选范围外还有 ${essays} 篇匹配。`);
    await outside.getByRole('button', { name: '在全部文章中搜索' }).click();
    await page.waitForSelector('.result-row');
    assert.equal(params(page).region, undefined);
    assert.equal(params(page).q, phrase);
    assert.match(await page.textContent('#search-status'), new RegExp(`在 ${essays} 篇文章中$`));

    // A slip (a character typed twice): its near form is offered on the
    // whole list, and not where the narrowing has none of it.
    const slip = `${phrase}${phrase.at(-1)}`;
    const near = (p) => p.locator('.near-forms .near-form').allTextContents();
    const { page: whole, context: c2 } = await reader.open(`?q=${encodeURIComponent(slip)}`);
    await whole.waitForSelector('.near-forms');
    assert.ok((await near(whole)).some((t) => t.startsWith(phrase)));
    await c2.close();
    const { page: narrowed, context: c3 } = await reader.open(
      `?region=${encodeURIComponent(empty)}&q=${encodeURIComponent(slip)}`,
    );
    await searched(narrowed);
    await narrowed.waitForSelector('.empty-state');
    // The near search runs after the exact one: give it its slices.
    await narrowed.waitForTimeout(500);
    assert.deepEqual(await near(narrowed), []);
    await c3.close();
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('an essay opened from a scrolled list starts at its top; Back restores list, query and scroll', async () => {
    const { page, log, context } = await reader.open();
    await page.getByRole('button', { name: /显示更多/ }).click();
    const link = page.locator('.library .essay-link').nth(110);
    await link.scrollIntoViewIfNeeded();
    await frames(page);
    const listScroll = await page.evaluate(() => scrollY);
    assert.ok(listScroll > 3000, `scrolled: ${listScroll}`);
    await link.click();
    await page.waitForSelector('.essay-page');
    await frames(page);
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.ok(await page.locator('h1').isVisible());

    await page.goBack();
    await page.waitForSelector('.library .essay-link');
    await page.waitForFunction((y) => Math.abs(scrollY - y) < 4, listScroll);
    assert.equal(await page.locator('.library .essay-link').count(), 140, 'as much of the list as before');

    // And with a query: Back from an essay restores the query and its results.
    await searchBox(page).fill('志愿服务');
    await searched(page);
    await page.locator('.result-row .essay-link').nth(3).click();
    await page.waitForSelector('.essay-page');
    await page.goBack();
    await page.waitForSelector('.result-row');
    assert.equal(await searchBox(page).inputValue(), '志愿服务');
    assert.equal(params(page).q, '志愿服务');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('hit navigation reaches hits in essays not rendered at first', async () => {
    const { page, log, context } = await reader.open(`?q=${encodeURIComponent('企业文化')}`);
    await searched(page);
    const total = Number((await page.textContent('.hit-position')).match(/\/ (\d+)/)[1]);
    const firstGroups = await page.$$eval('.essay-group > .facts', (fs) => fs.map((f) => Number(f.textContent.match(/^(\d+)/)[1])));
    assert.equal(firstGroups.length, 5);
    const rendered = firstGroups.reduce((a, b) => a + b, 0);
    assert.ok(total > rendered, `${total} hits, ${rendered} rendered at first`);
    // Shift+Enter from the start wraps to the very last hit.
    await searchBox(page).focus();
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction((n) => document.querySelector('.hit-position').textContent === `${n} / ${n}`, total);
    const current = page.locator('.result-groups mark.current');
    await current.waitFor();
    assert.equal(await page.locator('.result-groups mark').count(), total, 'every group up to it is rendered');
    assert.equal(await current.textContent(), '企业文化');
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.current').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    // Enter wraps to the first.
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('.hit-position').textContent === `1 / ${n}`, total);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the list is ready before the text arrives; a search says what it still waits for', async () => {
    const { page, log, context } = await reader.page(NO_WORKER);
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/text-*.txt', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await page.locator('.library .essay-link').count(), 100, 'the list needs no text');
    await searchBox(page).fill('职工');
    await page.waitForSelector('.search-progress:not([hidden])');
    assert.match(await page.textContent('.search-progress'), /^全文还在载入，已搜索 0 \/ 140 篇…$/);
    // An essay opened meanwhile waits for its text, then shows it.
    await page.locator('.library .essay-link, .result-row .essay-link').first().evaluate((a) => a.click());
    release();
    await page.waitForSelector('.essay-page main mark');
    await page.goBack();
    await searched(page);
    assert.match(await page.textContent('#search-status'), /^共 \d+ 处，在 140 篇文章中$/);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a chunk of text that cannot be read is named, and the rest still searches', async () => {
    const { page, context } = await reader.page(NO_WORKER);
    let failed = 0;
    await page.route('**/text-*.txt', async (route) => {
      if (failed++ === 0) await route.fulfill({ status: 404, body: 'gone' });
      else await route.continue();
    });
    await page.goto(`${reader.url}?q=${encodeURIComponent('职工')}`);
    await page.waitForSelector('.search-progress:not([hidden])');
    await page.waitForFunction(() =>
      /^无法读取文集数据 text-[0-9a-f]{16}\.txt，只搜索了已载入的 \d+ \/ 140 篇。$/.test(
        document.querySelector('.search-progress').textContent,
      ),
    );
    // What did arrive is searched; its rows may come after the message,
    // which is shown as soon as the failure is known.
    await page.locator('.result-row').first().waitFor();
    await context.close();
  });

  test('under a sub-path every link stays inside it', async () => {
    const sub = await serve(DIST, { prefix: '/a/b/' });
    const { page, log, context } = await reader.openUrl(sub.url);
    const inside = async () => {
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
      const outside = hrefs.filter((h) => !h.startsWith(`${new URL(page.url()).origin}/a/b/`));
      assert.deepEqual(outside, []);
    };
    await inside();
    await searchBox(page).fill('困难帮扶');
    await searched(page);
    await inside();
    await page.locator('.result-row .essay-link').first().click();
    await page.waitForSelector('.essay-page');
    await inside();
    assert.ok(new URL(page.url()).pathname.startsWith('/a/b/'));
    await page.getByText('← 全部文章').click();
    await page.waitForSelector('.result-row');
    assert.ok(new URL(page.url()).pathname.startsWith('/a/b/'));
    assert.equal(params(page).q, '困难帮扶', 'the way back keeps the query');
    assert.deepEqual(log.errors, []);
    await context.close();
    await sub.close();
  });

  test('the list is a part of the wasm fetched with the page, and the app adopts the prerendered list', async () => {
    const page0 = await readFile(`${DIST}/index.html`, 'utf8');
    // What the page fetches as it starts (its early script's list).
    const early = JSON.parse(page0.match(/new Map\((\[[^\]]*\])/)[1]).map((u) => u.replace('./', ''));
    const preloads = early.filter((n) => /^wenji-[0-9a-f]+-[a-z_0-9]+\.wasm$/.test(n));
    assert.ok(preloads.some((n) => n.endsWith('-split_list.wasm')), early.join(' '));
    assert.ok(early.some((n) => /^index-[0-9a-f]+\.txt$/.test(n)), early.join(' '));
    const { page, log, context } = await reader.page({ serviceWorkers: 'block' });
    assert.equal(await adoptedNodes(page, reader.url, '.essay-rows li'), 100, 'the same nodes');
    // Each part fetched early is fetched once: the early fetch is what the app uses.
    for (const name of preloads) {
      assert.equal(log.requests.filter((u) => u.endsWith(`/${name}`)).length, 1, name);
    }
    await searchBox(page).fill('困难帮扶');
    await page.waitForSelector('.result-row');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the essays are data beside the code: other content, the same wasm', async () => {
    const wasm = async (dir) => (await readdir(dir)).filter((f) => f.endsWith('_bg.wasm'));
    const data = async (dir) => (await readdir(dir)).filter((f) => /^(index|text)-[0-9a-f]{16}\.txt$/.test(f));
    // The seed, the two-essay fixture and 140 essays: the same wasm file
    // names (the app's, hashed, and the document reader's).
    const names = await Promise.all(['dist', 'target/dist-multi', DIST].map(wasm));
    assert.equal(names[0].length, 2);
    assert.ok(names[0].includes('wenji-worker_bg.wasm'), names[0].join(' '));
    assert.deepEqual(names[1], names[0]);
    assert.deepEqual(names[2], names[0]);
    // The text is in content-named chunks, several for 140 essays.
    const files = await data(DIST);
    assert.ok(files.filter((f) => f.startsWith('text-')).length >= 3, files.join(' '));
    // A collection as small as the seed carries its data inside the page:
    // nothing to fetch before the app starts.
    assert.deepEqual(await data('dist'), []);
    const page = await readFile('dist/index.html', 'utf8');
    assert.match(page, /<script type="text\/plain" data-wenji-file="index-[0-9a-f]{16}\.txt">wenji-index \d+\n/);
    assert.doesNotMatch(page, /"\.\/index-[0-9a-f]{16}\.txt"/, 'not fetched');
  });

  test('an opened file joins the list and its search, and leaves them cleanly', async () => {
    const { page, log } = await reader.open('', NO_WORKER);
    await page.getByRole('button', { name: '打开文件' }).click();
    await page.setInputFiles('#file-input', {
      name: '量子.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('量子纠缠笔记\n\n一、缘起\n量子纠缠与政工工作。\n二、思考\n再谈量子纠缠。\n'),
    });
    await page.waitForFunction(() => document.title.startsWith('量子纠缠笔记'));
    // The list counts it, and a search over the list finds it.
    await page.getByRole('link', { name: '← 全部文章' }).click();
    await page.locator('.list-count', { hasText: '共 141 篇' }).waitFor();
    // Marked as the reader's own among the collection's essays.
    await searchBox(page).fill('');
    await page.getByRole('button', { name: /^显示更多/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.essay-rows li').length === 141);
    const badges = await page.$$eval('.essay-rows .mine-badge', (bs) =>
      bs.map((b) => b.closest('a').querySelector('.essay-link-title').textContent),
    );
    assert.deepEqual(badges, ['量子纠缠笔记']);
    await searchBox(page).fill('量子纠缠');
    await searched(page);
    assert.deepEqual(
      await page.$$eval('.result-row a .essay-link-title, .result-row .result-title', (ts) => ts.map((t) => t.textContent)),
      ['量子纠缠笔记'],
    );
    // Removed while its hits are on screen: the results follow, nothing breaks.
    await page.getByRole('button', { name: '打开文件' }).click();
    await page.getByRole('button', { name: '删除 量子.txt' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.result-row').length === 0);
    await searchBox(page).fill('');
    await page.locator('.list-count', { hasText: '共 140 篇' }).waitFor();
    assert.deepEqual(log.errors, []);
  });
});
