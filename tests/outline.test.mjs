// The outline: beside the text on wide screens, a panel on phones; it
// unfolds and scrolls to what is clicked, marks where the reader is and,
// while filtering, counts hits and dims what the filter hides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { foldControl, frames, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();
const WIDE = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

const link = (page, id) => page.locator(`#outline li:has(> a[href="#${id}"]) > a, #outline li > ol > li > a[href="#${id}"]`).first();
const current = (page) =>
  page.$eval('#outline [aria-current="location"]', (a) => a.getAttribute('href')).catch(() => null);

describe('the outline', () => {
  test('stands beside the text on a wide screen and lists every part and sub-section', async () => {
    const { page, context, log } = await reader.open('', WIDE);
    const nav = page.getByRole('navigation', { name: '目录' });
    assert.ok(await nav.isVisible());
    const navBox = await nav.boundingBox();
    const mainBox = await page.locator('main').boundingBox();
    assert.ok(navBox.x + navBox.width <= mainBox.x, 'the outline does not cover the text');
    assert.equal(await page.locator('.outline-toggle').isVisible(), false);
    const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
    const ids = await page.$$eval('main section.part, main section.sub', (ss) => ss.map((s) => `#${s.id}`));
    assert.deepEqual(hrefs, ids);
    assert.equal(ids.length, 12);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a click unfolds what it needs, scrolls there and moves the focus', async () => {
    const { page, context } = await reader.open('', WIDE);
    await foldControl(page, '篇章三').click();
    await foldControl(page, '篇章二').click();
    await link(page, '篇章三-其二').click();
    await frames(page);
    assert.equal(await foldControl(page, '篇章三').getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#篇章三-其二 button.fold').getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('#篇章三-其二-body').isVisible());
    // What the reader folded elsewhere stays folded.
    assert.equal(await foldControl(page, '篇章二').getAttribute('aria-expanded'), 'false');
    const top = await page.$eval('#篇章三-其二', (s) => s.getBoundingClientRect().top);
    const bar = await page.$eval('.search-bar', (s) => s.getBoundingClientRect().bottom);
    assert.ok(top >= bar - 1 && top < bar + 60, `section top ${top} just under the search bar (${bar})`);
    assert.equal(decodeURIComponent(new URL(page.url()).hash), '#篇章三-其二');
    assert.equal(await page.evaluate(() => document.activeElement.closest('section').id), '篇章三-其二');
    await context.close();
  });

  test('marks where the reader is while scrolling', async () => {
    const { page, context } = await reader.open('', WIDE);
    await page.waitForFunction(() => document.querySelector('#outline [aria-current]'));
    assert.equal(decodeURIComponent(await current(page)), '#引言');
    for (const id of ['篇章二', '篇章二-其二', '篇章四-其一']) {
      await page.$eval(`[id="${id}"]`, (s) => s.scrollIntoView());
      await page.waitForFunction(
        (id) => decodeURIComponent(document.querySelector('#outline [aria-current="location"]')?.getAttribute('href') ?? '') === `#${id}`,
        id,
      );
    }
    assert.equal(await page.locator('#outline [aria-current]').count(), 1);
    await context.close();
  });

  test('while going through hits it marks the section of the current hit', async () => {
    const { page } = await reader.open('?q=' + encodeURIComponent('职工'), WIDE);
    await page.waitForSelector('main mark');
    for (let n = 0; n < 6; n++) {
      await searchBox(page).press('Enter');
      await page.waitForFunction(() => {
        const hit = document.getElementById('current-hit');
        const marked = document.querySelector('#outline [aria-current="location"]')?.getAttribute('href');
        return hit && marked && decodeURIComponent(marked) === `#${hit.closest('section[id]').id}`;
      });
    }
  });

  test('the marked entry stays in sight when the outline is taller than the screen', async () => {
    const { page, context } = await reader.open('', { viewport: { width: 1280, height: 420 } });
    assert.ok(await page.$eval('#outline', (n) => n.scrollHeight > n.clientHeight), 'the outline scrolls');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => decodeURIComponent(document.querySelector('#outline [aria-current]')?.getAttribute('href') ?? '') === '#篇章四-其一');
    await frames(page);
    const [entry, nav] = await page.$eval('#outline', (n) => [n.querySelector('[aria-current]').getBoundingClientRect().toJSON(), n.getBoundingClientRect().toJSON()]);
    assert.ok(entry.top >= nav.top && entry.bottom <= nav.bottom, `entry ${entry.top}–${entry.bottom} in ${nav.top}–${nav.bottom}`);
    assert.ok(await page.evaluate(() => scrollY > 0), 'the page stays where the reader put it');
    await context.close();
  });

  test('while filtering it counts the hits of each entry and dims what is hidden', async () => {
    const { page, context } = await reader.open('', WIDE);
    await searchBox(page).fill('理论');
    await page.waitForSelector('main mark');
    const entries = await page.$$eval('#outline a.outline-link', (as) =>
      as.map((a) => ({
        dim: a.classList.contains('dim'),
        href: a.getAttribute('href'),
        count: a.querySelector('.outline-count')?.firstChild.textContent ?? null,
        color: getComputedStyle(a).color,
      })),
    );
    const sections = await page.$$eval('main section.part, main section.sub', (ss) =>
      ss.map((s) => ({
        hidden: s.hidden,
        count: s.querySelector(':scope > .heading-row .hit-count')?.firstChild?.nextSibling?.textContent ?? null,
      })),
    );
    assert.equal(entries.length, sections.length);
    for (const [i, e] of entries.entries()) {
      assert.equal(e.dim, sections[i].hidden, `entry ${i} is dimmed exactly when its section is hidden`);
      assert.equal(e.href === null, e.dim, 'a dimmed entry is not a link');
      assert.equal(e.count, sections[i].hidden ? null : sections[i].count, `entry ${i} counts as its heading does`);
    }
    assert.ok(entries.some((e) => e.dim) && entries.some((e) => !e.dim && e.count));
    const dimColor = entries.find((e) => e.dim).color;
    assert.notEqual(dimColor, entries.find((e) => !e.dim).color);
    // A dimmed entry is not a link, and does not look like one under the
    // pointer: no underline, no hand.
    const dim = page.locator('#outline a.outline-link.dim').first();
    await dim.hover();
    assert.deepEqual(
      await dim.evaluate((a) => [getComputedStyle(a).cursor, getComputedStyle(a.querySelector('.outline-text')).textDecorationLine]),
      ['default', 'none'],
    );
    const live = page.locator('#outline a.outline-link[href]').first();
    await live.hover();
    assert.equal(await live.evaluate((a) => getComputedStyle(a.querySelector('.outline-text')).textDecorationLine), 'underline');
    // Clearing the filter brings every entry back.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#outline .dim, #outline .outline-count'));
    await context.close();
  });

  test('on a phone it opens from the toolbar, takes the focus and closes again', async () => {
    const { page, context } = await reader.open('', PHONE);
    const nav = page.getByRole('navigation', { name: '目录' });
    assert.equal(await nav.isVisible(), false);
    const toggle = page.getByRole('button', { name: '目录' });
    await toggle.click();
    assert.ok(await nav.isVisible());
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '关闭');
    await page.keyboard.press('Escape');
    assert.equal(await nav.isVisible(), false);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '目录');
    // An entry closes the panel and goes there.
    await toggle.click();
    await link(page, '篇章四').click();
    await frames(page);
    assert.equal(await nav.isVisible(), false);
    const top = await page.$eval('#篇章四', (s) => s.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 250, `篇章四 at ${top}`);
    // The close button gives the focus back to the toggle.
    await toggle.click();
    await page.getByRole('button', { name: '关闭' }).click();
    assert.equal(await nav.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '目录');
    await context.close();
  });
});
