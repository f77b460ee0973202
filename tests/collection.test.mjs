// Several essays: the fixture collection built into target/dist-multi.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ready } from './support/browser.mjs';
import { readerSuite, searchBox } from './support/suite.mjs';
import { violations } from './support/axe.mjs';

const reader = readerSuite('target/dist-multi');

describe('a collection of several essays', () => {
  test('lists the essays in their stated order with their facts', async () => {
    const { page, log, context } = await reader.page();
    await page.goto(reader.url);
    await ready(page);
    const titles = await page.$$eval('.essay-link-title', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(titles, ['基层党建工作体会', '青年职工思想工作札记']);
    const facts = await page.$$eval('.essay-link .facts', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(facts, [
      '原文为 PDF 文件 · 约 3,400 字 · 约 8 页 · 2025-06-30 发布于贵州',
      '原文为 Word 文档 · 约 1,200 字 · 约 3 页 · 2025-11-02 发布于四川',
    ]);
    assert.equal(await page.locator('main h2').count(), 0, 'no essay is open yet');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the display settings are on the list too, and carry over to the essays', async () => {
    const { page, log, context } = await reader.page();
    await page.goto(reader.url);
    await ready(page);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByLabel('深色').check();
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.deepEqual(await violations(page), [], 'axe on the list, dark, settings open');
    await page.locator('.essay-link').first().click();
    await page.waitForSelector('main h2');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('each essay has its own address; Back returns to the list', async () => {
    const { page, log, context } = await reader.page();
    await page.goto(reader.url);
    await ready(page);
    const loads = [];
    page.on('load', () => loads.push(page.url()));

    await page.getByText('青年职工思想工作札记').click();
    await page.waitForSelector('h1:text("青年职工思想工作札记")');
    assert.equal(new URL(page.url()).search, '?essay=qingnian');
    assert.deepEqual(
      await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent)),
      ['引言：走近青年', '第一部分：方法'],
    );
    assert.equal(await page.locator('main h3').count(), 2);
    assert.equal(await page.locator('.excerpt-end').count(), 0, 'a complete essay has no excerpt marker');

    await page.goBack();
    await page.waitForSelector('.essay-link');
    assert.equal(new URL(page.url()).search, '');
    await page.goForward();
    await page.waitForSelector('h1:text("青年职工思想工作札记")');
    assert.deepEqual(loads, [], 'moving between pages loads no page');

    await page.getByText('← 全部文章').click();
    await page.waitForSelector('.essay-link');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('opening an essay address shows that essay at once', async () => {
    const { page, context } = await reader.page();
    await page.goto(`${reader.url}?essay=jiceng`);
    await ready(page);
    assert.equal(await page.textContent('h1'), '基层党建工作体会');
    assert.equal(await page.textContent('.excerpt-end'), '……（节选至此，原文未完）');
    await context.close();
  });

  test('the filter runs over every essay: matching essays first, then their sections by essay', async () => {
    const { page, log, context } = await reader.page();
    await page.goto(`${reader.url}?q=${encodeURIComponent('建设 | 实践')}`);
    await ready(page);
    await page.waitForSelector('.result-row');
    // The compact list: each essay with its hits and its best sentence.
    assert.deepEqual(
      await page.$$eval('.result-row', (rs) =>
        rs.map((r) => [r.querySelector('.essay-link-title').textContent, r.querySelector('.facts').textContent]),
      ),
      [
        ['基层党建工作体会', '2 处，1 章 1 节'],
        ['青年职工思想工作札记', '2 处，1 章 1 节'],
      ],
    );
    assert.ok(await page.locator('.result-snippet mark').count() >= 2);
    const groups = page.locator('.essay-group');
    assert.equal(await groups.count(), 2);
    assert.deepEqual(
      await page.$$eval('.group-title', (ts) => ts.map((t) => t.textContent)),
      ['基层党建工作体会', '青年职工思想工作札记'],
    );
    assert.deepEqual(
      await page.$$eval('.result-groups mark', (ms) => ms.map((m) => m.textContent)),
      ['建设', '建设', '实践', '实践'],
    );
    // The status line, the rows and the group headers count alike.
    assert.equal(await page.textContent('#search-status'), '共 4 处，在 2 篇文章中');
    assert.deepEqual(
      await page.$$eval('.essay-group > .facts', (fs) => fs.map((f) => f.textContent)),
      ['2 处，1 章 1 节', '2 处，1 章 1 节'],
    );
    // Ids stay distinct: each essay's parts are scoped by its address.
    assert.equal(await page.locator('[id="jiceng--第一部分"]').count(), 1);
    assert.equal(await page.locator('[id="qingnian--第一部分"]').count(), 1);

    // Only one essay has 谈心: only it is listed.
    await searchBox(page).fill('谈心');
    await page.waitForFunction(() => document.querySelectorAll('.essay-group').length === 1 &&
      document.querySelectorAll('.result-row').length === 1);

    // Opening an essay from the results keeps the query.
    await page.locator('.result-row .essay-link').click();
    await page.waitForSelector('h1:text("青年职工思想工作札记")');
    assert.equal(new URL(page.url()).searchParams.get('q'), '谈心');
    assert.deepEqual(await page.$$eval('main mark', (ms) => ms.map((m) => m.textContent)), ['谈心', '谈心']);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});
