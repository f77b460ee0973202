// The keyword filter in the reader (dist/), in headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { foldControl, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();

const marks = (page) => page.$$eval('main mark', (ms) => ms.map((m) => m.textContent));
const visibleSections = (page) =>
  page.$$eval('section.part, section.sub', (ss) => ss.filter((s) => s.checkVisibility()).map((s) => s.id));
const status = (page) => page.textContent('#search-status');

describe('the keyword filter', () => {
  test('filters as the reader types, highlights every hit and counts them', async () => {
    const { page, log, context } = await reader.open();
    await searchBox(page).pressSequentially('守正');
    await page.waitForFunction(() => document.querySelectorAll('main mark').length > 0);
    assert.deepEqual(await marks(page), ['守正', '守正', '守正', '守正']);
    assert.equal(await status(page), '共 4 处，显示 1 章 2 节');
    assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
    // Only 篇章三 is shown, with its count, and its sections unfolded.
    assert.deepEqual(await visibleSections(page), ['篇章三', '篇章三-其一', '篇章三-其二']);
    assert.match(await page.textContent('#篇章三 > .heading-row h2 .hit-count'), /4/);
    assert.equal(await page.locator('.excerpt-end').isVisible(), false);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('finds characters inside a sentence, across punctuation', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).fill('灵魂工程与保障工程');
    await page.waitForSelector('main mark');
    assert.deepEqual(await marks(page), ['灵魂工程”与“保障工程']);
    assert.deepEqual(await visibleSections(page), ['引言']);
    await searchBox(page).fill('新形势');
    await page.waitForFunction(() => document.querySelector('main mark')?.textContent === '新形势');
    assert.deepEqual(await visibleSections(page), ['篇章三']);
    await context.close();
  });

  test('traditional characters and pinyin find the simplified text', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).fill('傳幫帶');
    await page.waitForSelector('main mark');
    assert.deepEqual(await marks(page), ['传帮带']);
    assert.deepEqual(await visibleSections(page), ['篇章二', '篇章二-其二']);
    for (const q of ['szcx', 'shouzheng', 'shouzcx', 'shouzhengchuangx']) {
      await searchBox(page).fill(q);
      await page.waitForFunction((q) => new URL(location).searchParams.get('q') === q, q);
      const m = await marks(page);
      assert.ok(m.length > 0 && m.every((s) => s.startsWith('守正')), `${q}: ${m}`);
    }
    await searchBox(page).fill('changyuan');
    await page.waitForSelector('main mark');
    assert.ok((await marks(page)).includes('长远'));
    await context.close();
  });

  test('AND, OR and exclusion', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).fill('倾听 改革');
    await page.waitForSelector('main mark');
    assert.deepEqual(await visibleSections(page), ['篇章一', '篇章一-其二']);
    await searchBox(page).fill('传帮带 | 润物细无声');
    await page.waitForFunction(() => document.querySelectorAll('main mark').length === 2);
    assert.deepEqual(await visibleSections(page), ['篇章二', '篇章二-其一', '篇章二-其二']);
    await searchBox(page).fill('理论 -实践');
    await page.waitForFunction(() => document.querySelector('#篇章一-其二')?.checkVisibility() === false);
    assert.equal(await page.locator('#篇章一-其一').isVisible(), true);
    await context.close();
  });

  test('Enter, Shift+Enter and the buttons move between hits', async () => {
    const { page, context } = await reader.open('', { viewport: { width: 1000, height: 600 } });
    await searchBox(page).fill('职工');
    await page.waitForSelector('main mark');
    const total = (await marks(page)).length;
    assert.ok(total > 5);
    assert.equal(await page.textContent('.hit-position'), `– / ${total}`);
    await searchBox(page).press('Enter');
    assert.equal(await page.textContent('.hit-position'), `1 / ${total}`);
    await searchBox(page).press('Enter');
    assert.equal(await page.textContent('.hit-position'), `2 / ${total}`);
    const current = page.locator('mark.current');
    assert.equal(await current.count(), 1);
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('main mark')].indexOf(document.querySelector('mark.current'))), 1);
    await searchBox(page).press('Shift+Enter');
    await searchBox(page).press('Shift+Enter');
    assert.equal(await page.textContent('.hit-position'), `${total} / ${total}`, 'wraps around');
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.current').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    await page.getByRole('button', { name: '下一处' }).click();
    assert.equal(await page.textContent('.hit-position'), `1 / ${total}`);
    await page.getByRole('button', { name: '上一处' }).click();
    assert.equal(await page.textContent('.hit-position'), `${total} / ${total}`);
    // ↓ and ↑ in the box do the same.
    await searchBox(page).press('ArrowDown');
    assert.equal(await page.textContent('.hit-position'), `1 / ${total}`);
    await searchBox(page).press('ArrowDown');
    assert.equal(await page.textContent('.hit-position'), `2 / ${total}`);
    await searchBox(page).press('ArrowUp');
    assert.equal(await page.textContent('.hit-position'), `1 / ${total}`);
    await context.close();
  });

  test('an address whose fragment the query hides says so', async () => {
    const q = '?q=' + encodeURIComponent('守正');
    const { page } = await reader.open(q);
    await page.waitForSelector('main mark');
    const hidden = await page.$$eval('main section.sub[hidden]', (ss) => ss.map((s) => s.id));
    assert.ok(hidden.length > 0);
    const other = await reader.open(`${q}#${encodeURIComponent(hidden[0])}`);
    const heading = await other.page.textContent(`[id="${hidden[0]}"] .heading-text`);
    await other.page.locator('.notice').filter({ hasText: `“${heading}”中没有“守正”，筛选时不显示` }).waitFor();
    // A fragment the query shows says nothing.
    const shown = await page.$eval('main section.sub:not([hidden])', (s) => s.id);
    const fine = await reader.open(`${q}#${encodeURIComponent(shown)}`);
    await fine.page.waitForTimeout(500);
    assert.equal(await fine.page.locator('.notice').textContent(), '');
  });

  test('a query with nothing to look for says so', async () => {
    const { page } = await reader.open('');
    for (const typed of ['"', '-', '""']) {
      await searchBox(page).fill(typed);
      await page.locator('#search-status', { hasText: '没有可搜索的字词：显示全文' }).waitFor();
    }
    await searchBox(page).fill('');
    await page.waitForFunction(() => document.querySelector('#search-status').textContent === '');
  });

  test('a hit in a folded section unfolds it when reached', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).fill('传帮带');
    await page.waitForSelector('main mark');
    await page.locator('#篇章二-其二 h3 button').click();
    assert.equal(await page.locator('main mark').isVisible(), false);
    await searchBox(page).press('Enter');
    await page.waitForFunction(() => document.querySelector('mark.current')?.checkVisibility());
    await context.close();
  });

  test('/ focuses the box from anywhere, Esc clears it and restores the folding', async () => {
    const { page, context } = await reader.open();
    await foldControl(page, '篇章一').click(); // the reader folds 篇章一
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    assert.ok(await page.evaluate(() => document.activeElement.id === 'search'));
    await page.keyboard.type('理论');
    await page.waitForSelector('main mark');
    // While filtering, matching sections are shown unfolded.
    assert.equal(await page.locator('#篇章一-body').isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await searchBox(page).inputValue(), '');
    assert.equal(await page.locator('main mark').count(), 0);
    assert.equal(await status(page), '');
    assert.equal(await foldControl(page, '篇章一').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#篇章一-body').isVisible(), false);
    assert.equal(await page.locator('#篇章二-body').isVisible(), true);
    await context.close();
  });

  test('/ typed into the box is text, not a shortcut', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).focus();
    await page.keyboard.type('a/b');
    assert.equal(await searchBox(page).inputValue(), 'a/b');
    await context.close();
  });

  test('the search box stays in reach while scrolling', async () => {
    const { page, context } = await reader.open('', { viewport: { width: 800, height: 600 } });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await searchBox(page).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 600, JSON.stringify(box));
    assert.equal(await searchBox(page).getAttribute('type'), 'search');
    await context.close();
  });

  test('the status line says that several words must be in one section', async () => {
    const { page } = await reader.open();
    await searchBox(page).fill('理论 实践');
    await page.waitForSelector('main mark');
    assert.match(await status(page), /^共 \d+ 处，显示 \d+ 章 \d+ 节（各词须在同一节中）$/);
    await searchBox(page).fill('理论 | 实践');
    await page.waitForFunction(() => !document.getElementById('search-status').textContent.includes('同一节'));
    assert.match(await status(page), /^共 \d+ 处，显示 \d+ 章 \d+ 节$/);
  });

  test('the status line counts the hits and the headings the page shows', async () => {
    const { page } = await reader.open();
    // 理论 in 篇章一's title, 实践 in one of its sections; 守正创新 in
    // 篇章三's title shows sections that hold no hit; 引言 has no section.
    for (const [q, want] of [
      ['理论 实践', '共 10 处，显示 1 章 1 节'],
      ['szcx', '共 2 处，显示 1 章 2 节'],
      ['灵魂工程与保障工程', '共 1 处，显示 1 章'],
    ]) {
      await searchBox(page).fill(q);
      await page.waitForFunction((q) => new URL(location).searchParams.get('q') === q, q);
      const seen = await page.evaluate(() => {
        const shown = (sel) => [...document.querySelectorAll(sel)].filter((h) => h.checkVisibility()).length;
        return {
          marks: document.querySelectorAll('main mark').length,
          chapters: shown('main section.part > .heading-row h2'),
          sections: shown('main section.sub > .heading-row h3'),
        };
      });
      const text = await status(page);
      assert.equal(text.replace(/（.*）$/, ''), want, q);
      const counted = `共 ${seen.marks} 处，显示 ${seen.chapters} 章` + (seen.sections ? ` ${seen.sections} 节` : '');
      assert.equal(text.replace(/（.*）$/, ''), counted, `${q}: what the page shows`);
    }
  });

  test('pinyin marks what it spells: tone marks, mixed with characters, never one letter', async () => {
    const { page } = await reader.open();
    for (const q of ['qīngtīng', '倾ting', 'qing听']) {
      await searchBox(page).fill(q);
      await page.waitForFunction((q) => new URL(location).searchParams.get('q') === q, q);
      assert.deepEqual([...new Set(await marks(page))], ['倾听'], q);
    }
    // Rare readings are no spelling: 巨 qu, 大 tai; 育 zhou, 活 guo.
    for (const [q, not] of [['qt', '巨大'], ['zg', '育活']]) {
      await searchBox(page).fill(q);
      await page.waitForFunction((q) => new URL(location).searchParams.get('q') === q, q);
      assert.ok(!(await marks(page)).some((m) => m.includes(not)), q);
    }
    // A spelling is a word: not two characters across two words (保障|工作,
    // 随着|工作, 束之|高阁, 政治|工作), which the shipped words tell.
    await searchBox(page).fill('zg');
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'zg');
    const zg = new Set(await marks(page));
    assert.ok(zg.has('政工') && zg.has('职工'), [...zg].join());
    for (const across of ['障工', '着工', '之高', '治工']) assert.ok(!zg.has(across), `${across} in ${[...zg]}`);
    await searchBox(page).fill('zhigong');
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'zhigong');
    assert.deepEqual([...new Set(await marks(page))], ['职工']);

    // One letter (or an initial, zh) would mark every character whose
    // reading starts with it: not looked for, the text left as it is while
    // the reader goes on typing.
    const sections = await page.locator('main section').count();
    for (const q of ['d', 'zh']) {
      await searchBox(page).fill(q);
      await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('单个字母'));
      assert.equal(await page.locator('main mark').count(), 0, q);
      assert.equal(await status(page), '单个字母或声母不按拼音查找，请再输入字母：显示全文', q);
      assert.equal(await page.locator('main section:visible').count(), sections, q);
    }
    await searchBox(page).fill('倾听 d');
    await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('单个字母'));
    assert.match(await status(page), /^共 \d+ 处.*（单个字母或声母不按拼音查找，请再输入字母）$/);
    assert.deepEqual([...new Set(await marks(page))], ['倾听']);
    await searchBox(page).fill('dx');
    await page.waitForFunction(() => !document.getElementById('search-status').textContent.includes('单个字母'));
  });

  test('a quoted query is quoted once in the empty state', async () => {
    const { page } = await reader.open();
    await searchBox(page).fill('"理论 -实践"');
    const empty = page.locator('.empty-state p').first();
    await empty.waitFor();
    assert.equal(await empty.textContent(), '没有找到与“理论 -实践”匹配的内容。');
  });

  test('no match: a clear empty state that repeats the query and clears it', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).fill('区块链');
    const empty = page.locator('.empty-state');
    await empty.waitFor();
    assert.match(await empty.textContent(), /没有找到与“区块链”匹配的内容/);
    assert.equal(await status(page), '没有匹配的内容');
    assert.equal(await page.locator('section.part:visible').count(), 0);
    await empty.getByRole('button', { name: '清除搜索' }).click();
    assert.equal(await searchBox(page).inputValue(), '');
    assert.equal(await page.locator('section.part:visible').count(), 5);
    await context.close();
  });

  test('half-typed pinyin in an input method is not a query', async () => {
    const { page, context } = await reader.open();
    await searchBox(page).focus();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'shou', selectionStart: 4, selectionEnd: 4 });
    assert.equal(await searchBox(page).inputValue(), 'shou');
    await page.waitForTimeout(100);
    assert.equal(await page.locator('main mark').count(), 0, 'composition is not filtered');
    assert.equal(await status(page), '');
    await cdp.send('Input.insertText', { text: '守正' });
    await page.waitForSelector('main mark');
    assert.equal(await searchBox(page).inputValue(), '守正');
    assert.equal(await status(page), '共 4 处，显示 1 章 2 节');
    await context.close();
  });

  test('the query lives in the address: shared links and Back/Forward', async () => {
    const { page, log, context } = await reader.open('?q=' + encodeURIComponent('守正'));
    assert.equal(await searchBox(page).inputValue(), '守正');
    assert.deepEqual(await marks(page), ['守正', '守正', '守正', '守正']);
    const loads = [];
    page.on('load', () => loads.push(page.url()));

    await searchBox(page).fill('');
    await searchBox(page).pressSequentially('倾听', { delay: 20 });
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '倾听');
    await page.waitForTimeout(1600); // a pause ends the typing burst
    await searchBox(page).fill('传帮带');
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '传帮带');

    await page.goBack();
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '倾听');
    assert.equal(await searchBox(page).inputValue(), '倾听');
    assert.deepEqual([...new Set(await marks(page))], ['倾听']);
    await page.goBack();
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '守正');
    assert.equal(await searchBox(page).inputValue(), '守正');
    await page.goForward();
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '倾听');
    assert.deepEqual(loads, [], 'no page load');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('typing writes the address once it pauses, not on every key; Back then skips the burst', async () => {
    const { page, log, context } = await reader.open('');
    await page.evaluate(() => {
      window.__writes = [];
      for (const name of ['replaceState', 'pushState']) {
        const real = history[name].bind(history);
        history[name] = (state, title, url) => {
          // A write without an address only keeps the scroll position.
          if (url !== undefined) window.__writes.push(String(url));
          return real(state, title, url);
        };
      }
    });
    await searchBox(page).pressSequentially('zhigong', { delay: 60 });
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'zhigong');
    assert.deepEqual(await page.evaluate(() => window.__writes), ['?q=zhigong']);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location).searchParams.has('q'));
    assert.equal(await searchBox(page).inputValue(), '');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('queries that cannot be parsed are taken literally, never an error', async () => {
    const { page, log, context } = await reader.open();
    for (const q of ['"', '-', '|', '| 守正', '守正 |', '"守正', '-"', '((', '\\', '<script>alert(1)</script>', '一'.repeat(400)]) {
      await searchBox(page).fill(q);
      await page.waitForTimeout(50);
      assert.equal(await page.locator('h1').count(), 1, q);
    }
    assert.match(await status(page), /查询过长/);
    await searchBox(page).fill('| 守正');
    await page.waitForSelector('main mark');
    assert.deepEqual([...new Set(await marks(page))], ['守正']);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});

describe('search that forgives a slip', () => {
  test('a slip of the input method is offered its near form, apart from the hits, and a click searches for it', async () => {
    const { page, log } = await reader.open();
    await searchBox(page).fill('学深悟头');
    const near = page.locator('.empty-state .near');
    await near.waitFor();
    assert.equal(await near.locator('p').textContent(), '没有完全匹配；近似：');
    const offered = near.getByRole('button', { name: /^学深悟透/ });
    assert.match(await offered.textContent(), /^学深悟透\d+ 处$/);
    // Nothing of it is a hit.
    assert.equal(await page.locator('main mark').count(), 0);
    assert.match(await status(page), /^没有/);
    await offered.click();
    await page.locator('main mark').first().waitFor();
    assert.equal(await searchBox(page).inputValue(), '学深悟透');
    assert.ok((await marks(page)).every((m) => m === '学深悟透'));
    assert.ok(page.url().includes(encodeURIComponent('学深悟透')), page.url());
    // Back returns to the slip.
    await page.goBack();
    await near.waitFor();
    assert.equal(await searchBox(page).inputValue(), '学深悟头');
    assert.deepEqual(log.errors, []);
  });

  test('a sound the collection never uses, a shape and a swap are forgiven, the closest first, from a file read only then', async () => {
    const { page, log } = await reader.open();
    const likenessFetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/likeness.txt')));
    await searchBox(page).fill('职工');
    await page.locator('main mark').first().waitFor();
    // A search that finds something never reads what makes characters alike.
    assert.equal(await likenessFetched(), false);
    const near = page.locator('.empty-state .near');
    const offers = () => near.locator('.near-form').evaluateAll((bs) => bs.map((b) => b.firstChild.textContent));
    // 笨 (ben4) is in no essay: its sound comes from likeness.txt.
    await searchBox(page).fill('以人为笨');
    await near.getByRole('button', { name: /^以人为本/ }).waitFor();
    assert.equal(await likenessFetched(), true);
    assert.deepEqual(await offers(), ['以人为本']);
    await searchBox(page).fill('正人先正已');
    await near.getByRole('button', { name: /^正人先正己/ }).waitFor();
    await searchBox(page).fill('命生线');
    await near.getByRole('button', { name: /^生命线/ }).waitFor();
    // 工政: swapped, the closest form first.
    await searchBox(page).fill('工政');
    await near.getByRole('button', { name: /^政工/ }).waitFor();
    assert.equal((await offers())[0], '政工');
    assert.equal(await page.locator('main mark').count(), 0);
    assert.deepEqual(log.errors, []);
  });

  test('a character missing is forgiven in a long term; a query with no near form offers none', async () => {
    const { page } = await reader.open();
    await searchBox(page).fill('同行交借鉴');
    await page.locator('.empty-state .near').getByRole('button', { name: /^同行交流借鉴/ }).waitFor();
    await searchBox(page).fill('量子计算');
    await page.locator('.empty-state').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.empty-state .near').count(), 0);
  });
});
