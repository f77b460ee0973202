// The reader, built in dist/, in headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';

import { serve } from './support/serve.mjs';
import { foldControl, readerSuite, searchBox } from './support/suite.mjs';

const PARTS = [
  '引言：深耕政工沃土，汲取实践智慧',
  '篇章一：铸魂育人，强化理论武装的深度与广度',
  '篇章二：以人为本，提升思想疏导的温度与精度',
  '篇章三：守正创新，增强政工工作的时代感与吸引力',
  '篇章四：锤炼党性，永葆政工干部的先进性与纯洁性',
];
const SUBS = [
  '其一，在“学深悟透”上下苦功。',
  '其二，在“转化运用”上求实效。',
  '其一，学会“倾听”，方能“理解”。',
  '其二，精准“滴灌”，而非“大水漫灌”。',
  '其一，“守正”是根本，“创新”是动力。',
  '其二，将政工工作融入中心工作，实现“双赢”。',
  '其一，“正人先正己”，打铁还需自身硬。',
];

const reader = readerSuite();
/** Open the reader; returns the page and its log. */

const expanded = (page) =>
  page.$$eval('button.fold', (bs) => bs.map((b) => b.getAttribute('aria-expanded')));

describe('the seed essay', () => {
  test('shows the title, the facts line and the excerpt notice', async () => {
    const { page, context } = await reader.open();
    assert.equal(await page.textContent('h1'), '政工工作心得体会范文合集');
    assert.equal(
      (await page.textContent('header .facts')).trim(),
      '原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南',
    );
    assert.match(await page.textContent('header'), /节选/);
    assert.equal(await page.title(), '政工工作心得体会范文合集 · 文集');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await context.close();
  });

  test('has five parts and seven sub-sections with their headings', async () => {
    const { page, context } = await reader.open();
    assert.deepEqual(await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent.trim())), PARTS);
    assert.deepEqual(await page.$$eval('main h3', (hs) => hs.map((h) => h.textContent.trim())), SUBS);
    assert.equal(await page.locator('h1').count(), 1);
    // Each sub-section sits in its part, with a readable id for links.
    assert.equal(await page.locator('#篇章一 #篇章一-其二 h3').textContent(), SUBS[1]);
    assert.match(await page.locator('#篇章四-其一 .sub-body > p').last().textContent(), /在日常工作中，我时刻$/);
    await context.close();
  });

  test('folds and unfolds a part and a sub-section with the mouse', async () => {
    const { page, context } = await reader.open();
    const part = foldControl(page, '篇章二');
    const lead = page.getByText('政工工作的对象是人，核心是做人的工作。');
    await assert.doesNotReject(lead.waitFor({ state: 'visible' }));
    assert.equal(await part.getAttribute('aria-controls'), '篇章二-body');

    await part.click();
    assert.equal(await part.getAttribute('aria-expanded'), 'false');
    assert.equal(await lead.isVisible(), false);
    assert.equal(await page.locator('#篇章二-其一 h3').isVisible(), false);
    // Other parts are untouched.
    assert.equal(await foldControl(page, '篇章三').getAttribute('aria-expanded'), 'true');

    await part.click();
    assert.equal(await part.getAttribute('aria-expanded'), 'true');
    assert.equal(await lead.isVisible(), true);

    const sub = page.locator('#篇章二-其一 h3 button');
    const subText = page.getByText('以往，有时会不自觉地站在教育者的角度', { exact: false });
    await sub.click();
    assert.equal(await sub.getAttribute('aria-expanded'), 'false');
    assert.equal(await subText.isVisible(), false);
    assert.equal(await lead.isVisible(), true, 'the part stays open');
    await sub.click();
    assert.equal(await subText.isVisible(), true);
    await context.close();
  });

  test('folds and unfolds from the keyboard: Tab, Enter, Space', async () => {
    const { page, context } = await reader.open();
    const target = foldControl(page, '引言');
    // Tab from the top of the page until the first part's control has focus.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await target.evaluate((el) => el === document.activeElement);
    }
    assert.ok(reached, 'Tab reaches the fold control of 引言');
    await page.keyboard.press('Enter');
    assert.equal(await target.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#引言-body').isVisible(), false);
    await page.keyboard.press('Space');
    assert.equal(await target.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#引言-body').isVisible(), true);

    // Past its copy, link and excerpt buttons, Tab goes on to the next
    // part's control (引言 has no sub-sections).
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '复制文字：引言');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '加入摘抄：引言');
    await page.keyboard.press('Tab');
    assert.ok(await foldControl(page, '篇章一').evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Space');
    assert.equal(await foldControl(page, '篇章一').getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('folded text is still found: a link into it unfolds its part', async () => {
    const { page, context } = await reader.open();
    await page.getByRole('button', { name: '全部折叠' }).click();
    assert.equal(await page.locator('#篇章二-body').getAttribute('hidden'), 'until-found');
    assert.equal(await page.getByText('发挥其传帮带作用').isVisible(), false);
    // Going to a fragment inside folded text reveals it (as find-in-page
    // does), and the fold controls follow.
    await page.evaluate(() => (location.hash = '#篇章二-其二'));
    await page.waitForFunction(() => !document.getElementById('篇章二-body').hasAttribute('hidden'));
    await page.waitForFunction(
      () => document.querySelector('#篇章二 > .heading-row h2 button').getAttribute('aria-expanded') === 'true',
      null,
      { timeout: 3000 },
    );
    assert.equal(await page.locator('#篇章二-其二 h3 button').getAttribute('aria-expanded'), 'true');
    assert.ok(await page.getByText('发挥其传帮带作用', { exact: false }).isVisible());
    // Other parts stay folded.
    assert.equal(await foldControl(page, '篇章三').getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('an address with a fragment, and with a query too, opens at that section', async () => {
    const { page, context } = await reader.openUrl(`${reader.url}#${encodeURIComponent('篇章四-其一')}`, {
      viewport: { width: 1000, height: 600 },
    });
    await page.waitForFunction(() => {
      const r = document.getElementById('篇章四-其一').getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight && scrollY > 0;
    });
    await page.goto(`${reader.url}?q=${encodeURIComponent('守正')}#${encodeURIComponent('篇章三-其二')}`);
    await page.waitForSelector('main mark');
    await page.waitForFunction(() => {
      const r = document.getElementById('篇章三-其二').getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    });
    await context.close();
  });

  test('the folding is remembered across visits until expand all', async () => {
    const { page, context } = await reader.open();
    await foldControl(page, '篇章一').click();
    await page.locator('#篇章三-其二 h3 button').click();
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await page.waitForFunction(() => document.querySelector('#篇章一 > .heading-row h2 button').getAttribute('aria-expanded') === 'false');
    assert.equal(await page.locator('#篇章三-其二 h3 button').getAttribute('aria-expanded'), 'false');
    assert.equal(await foldControl(page, '篇章二').getAttribute('aria-expanded'), 'true');
    await page.getByRole('button', { name: '全部展开' }).click();
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.deepEqual(await expanded(page), Array(12).fill('true'));
    await context.close();
  });

  test('collapse all and expand all', async () => {
    const { page, context } = await reader.open();
    assert.deepEqual(await expanded(page), Array(12).fill('true'));
    await page.getByRole('button', { name: '全部折叠' }).click();
    assert.deepEqual(await expanded(page), Array(12).fill('false'));
    for (const body of await page.locator('.part-body').all()) {
      assert.equal(await body.isVisible(), false);
    }
    // Headings of parts stay visible to unfold them again.
    assert.equal(await page.locator('main h2:visible').count(), 5);
    assert.equal(await page.locator('main h3:visible').count(), 0);

    await page.getByRole('button', { name: '全部展开' }).click();
    assert.deepEqual(await expanded(page), Array(12).fill('true'));
    assert.equal(await page.locator('main h3:visible').count(), 7);
    await context.close();
  });

  test('marks the end of the excerpt after the last words', async () => {
    const { page, context } = await reader.open();
    const end = page.locator('.excerpt-end');
    assert.equal(await end.textContent(), '……（节选至此，原文未完）');
    assert.ok(await end.isVisible());
    const last = await page.evaluate(() => {
      const ps = [...document.querySelectorAll('main p')];
      return ps.at(-1).className;
    });
    assert.equal(last, 'excerpt-end', 'the marker comes after all text');
    await context.close();
  });

  test('renders essay text as text, not HTML', async () => {
    const { page, context } = await reader.open();
    // Only the reader's own elements are in the essay body (the related
    // passages' list is empty until opened).
    const tags = await page.$$eval('article *', (els) => [...new Set(els.map((e) => e.tagName))].sort());
    assert.deepEqual(tags, ['BUTTON', 'DIV', 'H2', 'H3', 'OL', 'P', 'SECTION', 'SPAN']);
    await context.close();
  });

  test('logs no console error and requests nothing from another origin', async () => {
    const { page, log, context } = await reader.open();
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.getByRole('button', { name: '全部展开' }).click();
    await foldControl(page, '篇章三').click();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(log.errors, []);
    const origin = new URL(reader.url).origin;
    const foreign = log.requests.filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded');
    await context.close();
  });

  test('works from a sub-path, filter included', async () => {
    const sub = await serve('dist', { prefix: '/some/sub/path/' });
    try {
      const { page, log, context } = await reader.openUrl(sub.url);
      assert.equal(await page.locator('main h2').count(), 5);
      await foldControl(page, '篇章一').click();
      assert.equal(await page.locator('#篇章一-body').isVisible(), false);
      // The filter works there too, and keeps the sub-path in the address.
      await searchBox(page).fill('传帮带');
      await page.waitForSelector('main mark');
      // The address is written once the typing pauses.
      await page.waitForFunction(() => new URL(location).searchParams.get('q') === '传帮带');
      assert.equal(new URL(page.url()).pathname, '/some/sub/path/');
      await page.reload();
      await page.waitForSelector('main mark');
      assert.deepEqual(log.errors, []);
      await context.close();
    } finally {
      await sub.close();
    }
  });

  test('screenshots for the README (docs/)', async () => {
    await mkdir('docs', { recursive: true });
    const DESK = { viewport: { width: 1280, height: 860 } };
    const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
    const shoot = async (name, url, options, act = async () => {}) => {
      const { page, context, log } = await reader.openUrl(url, options);
      await act(page);
      await page.mouse.move(0, 0);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: `docs/${name}.png`, animations: 'disabled' });
      assert.deepEqual(log.errors, [], name);
      await context.close();
    };
    // 篇章一 folded, to show both states of the fold controls.
    const foldFirst = (page) => foldControl(page, '篇章一').click();
    await shoot('reader-desktop', reader.url, { ...DESK, colorScheme: 'light' }, async (page) => {
      await foldFirst(page);
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await shoot('reader-desktop-dark', reader.url, { ...DESK, colorScheme: 'dark' });
    await shoot('reader-filtered', `${reader.url}?q=${encodeURIComponent('职工 倾听')}`, DESK, async (page) => {
      await page.waitForSelector('main mark');
      await page.getByRole('button', { name: '下一处' }).click();
    });
    await shoot('reader-related', `${reader.url}#${encodeURIComponent('篇章一-其一')}`, DESK, async (page) => {
      const toggle = page.locator('[id="篇章一-其一"] .related-toggle');
      await toggle.click();
      await page.locator('[id="篇章一-其一"] .related-text').first().waitFor();
      await toggle.evaluate((t) => window.scrollTo(0, t.getBoundingClientRect().top + scrollY - 260));
    });
    await shoot('reader-near', `${reader.url}?q=${encodeURIComponent('学深悟头')}`, DESK, async (page) => {
      await page.getByText('没有完全匹配').waitFor();
    });
    await shoot('reader-notebook', reader.url, DESK, async (page) => {
      await page.getByRole('button', { name: '加入摘抄：篇章二-其一', exact: true }).click();
      await page.evaluate(() => {
        const t = document.querySelector('[id="篇章三-其一"] .sub-body > p').firstChild;
        const r = document.createRange();
        r.setStart(t, 0);
        r.setEnd(t, 31);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
      });
      await page.locator('.selection-excerpt').click();
      await page.getByRole('button', { name: '摘抄', exact: true }).click();
      await page.locator('#notebook-panel .excerpt').nth(1).locator('textarea').fill('开头可引用这一句。');
      await page.locator('#notebook-panel').evaluate((p) => window.scrollTo(0, p.getBoundingClientRect().top + scrollY - 120));
    });
    await shoot('reader-phone', reader.url, PHONE);
    await shoot('reader-outline', `${reader.url}?q=${encodeURIComponent('理论')}`, PHONE, async (page) => {
      await page.waitForSelector('main mark');
      await page.getByRole('button', { name: '目录' }).click();
    });
  });
});
