// Comfort: themes (system by default, overridden and remembered), text
// size and typeface, reduced motion, print, and the 360 px phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { frames, openPanel, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();
const BG = { light: 'rgb(251, 250, 246)', dark: 'rgb(23, 23, 26)', sepia: 'rgb(244, 236, 216)' };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const textSize = (page) =>
  page.$eval('main .sub-body p', (p) => parseFloat(getComputedStyle(p).fontSize));

async function choose(page, label) {
  const panel = await openPanel(page, '显示', 'display-panel');
  await panel.getByLabel(label, { exact: true }).check();
  await frames(page);
}

describe('themes', () => {
  test('Esc closes 显示 with the focus on one of its choices, and the focus goes back to its button', async () => {
    const { page, context } = await reader.open('');
    await choose(page, '深色');
    await choose(page, '较大');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#display-panel') !== null), true);
    await page.keyboard.press('Escape');
    await page.locator('#display-panel').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '显示');
    assert.equal(await page.getByRole('button', { name: '显示' }).getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('follow the system until the reader picks one, which is remembered', async () => {
    const { page, context } = await reader.open('', { colorScheme: 'dark' });
    assert.equal(await background(page), BG.dark);
    await choose(page, '浅色');
    assert.equal(await background(page), BG.light);
    await choose(page, '护眼');
    assert.equal(await background(page), BG.sepia);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await background(page), BG.sepia);
    await page.getByRole('button', { name: '显示' }).click();
    assert.ok(await page.locator('#display-panel input[value="sepia"]').isChecked());
    await choose(page, '跟随系统');
    assert.equal(await background(page), BG.dark);
    await context.close();

    const light = await reader.open('', { colorScheme: 'light' });
    assert.equal(await background(light.page), BG.light);
    await light.context.close();
  });

  test('the system theme is followed as it changes, before and after the app starts', async () => {
    const { page } = await reader.open('', { colorScheme: 'light' });
    assert.equal(await background(page), BG.light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction((dark) => getComputedStyle(document.body).backgroundColor === dark, BG.dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction((light) => getComputedStyle(document.body).backgroundColor === light, BG.light);
    // A theme the reader picked stays whatever the system does.
    await choose(page, '护眼');
    await page.emulateMedia({ colorScheme: 'dark' });
    await frames(page);
    assert.equal(await background(page), BG.sepia);
  });

  test('the dark theme is the same whether the system or the reader asks for it', async () => {
    // The stylesheet writes the dark colours once, for a class the scripts
    // set for either: both must reach it.
    const colours = (page) =>
      page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        const names = ['--bg', '--fg', '--muted', '--accent', '--rule', '--surface', '--focus', '--field-bg', '--field-border', '--mark', '--mark-current', '--mark-outline'];
        return names.map((v) => `${v}:${style.getPropertyValue(v).trim()}`);
      });
    const system = await reader.open('', { colorScheme: 'dark' });
    const chosen = await reader.open('', { colorScheme: 'light' });
    await choose(chosen.page, '深色');
    const light = await reader.open('', { colorScheme: 'light' });
    assert.deepEqual(await colours(chosen.page), await colours(system.page));
    assert.notDeepEqual(await colours(light.page), await colours(system.page));
    for (const rec of [system, chosen, light]) await rec.context.close();
  });

  test('a remembered choice is painted before the app has loaded', async () => {
    // No service worker: it would serve the wasm past the blocked route.
    const { page, context } = await reader.open('', { serviceWorkers: 'block' });
    await choose(page, '深色');
    await choose(page, '特大');
    await choose(page, '宋体');
    // Without the wasm the app never starts: only prefs-early.js can apply them.
    await context.route(/\.wasm$/, (route) => route.abort());
    const cold = await context.newPage();
    await cold.goto(reader.url);
    await cold.waitForSelector('main');
    assert.equal(await cold.evaluate(() => performance.getEntriesByName('wenji-interactive').length), 0);
    assert.deepEqual(
      await cold.evaluate(() => [...document.documentElement.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `${a.name}=${a.value}`).sort()),
      ['data-font=serif', 'data-size=4', 'data-theme=dark'],
    );
    assert.equal(await background(cold), BG.dark);
    await context.close();
  });
});

describe('text size and typeface', () => {
  test('five sizes, each larger than the last, remembered', async () => {
    const { page, context } = await reader.open('');
    await openPanel(page, '显示', 'display-panel');
    const labels = await page.$$eval('#display-panel input[name="size"]', (is) => is.map((i) => i.parentElement.textContent.trim()));
    assert.ok(labels.length >= 4, `${labels.length} sizes`);
    const sizes = [];
    for (const label of labels) {
      await choose(page, label);
      sizes.push(await textSize(page));
    }
    for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] > sizes[i - 1], `${labels[i]} ${sizes[i]} > ${sizes[i - 1]}`);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    assert.equal(await textSize(page), sizes.at(-1));
    await context.close();
  });

  test('黑体 or 宋体 for the text', async () => {
    const { page, context } = await reader.open('');
    const family = () => page.$eval('main .sub-body p', (p) => getComputedStyle(p).fontFamily);
    assert.match(await family(), /Sans/);
    await choose(page, '宋体');
    assert.match(await family(), /^"Songti SC".*Noto Serif CJK SC/);
    // The search box and tools keep the sans face.
    assert.match(await page.$eval('#search', (i) => getComputedStyle(i).fontFamily), /Sans/);
    await choose(page, '黑体');
    assert.match(await family(), /Sans/);
    await context.close();
  });
});

describe('motion', () => {
  test('animations only for those who have not asked for less', async () => {
    const duration = (page) => page.$eval('.chevron', (c) => getComputedStyle(c).transitionDuration);
    const calm = await reader.open('', { reducedMotion: 'reduce' });
    assert.equal(await duration(calm.page), '0s');
    await calm.context.close();
    const lively = await reader.open('', { reducedMotion: 'no-preference' });
    assert.equal(await duration(lively.page), '0.15s');
    await lively.context.close();
  });
});

describe('print', () => {
  const visible = (page, selector) =>
    page.$$eval(selector, (els) => els.map((e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })));

  test('the whole essay, unfolded, without controls, under its facts line', async () => {
    const { page, context } = await reader.open('');
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.emulateMedia({ media: 'print' });
    await frames(page);
    for (const selector of ['.search-bar', '.essay-toolbar', '.outline', '.heading-actions', '.chevron']) {
      assert.ok((await visible(page, selector)).every((v) => !v), `${selector} is not printed`);
    }
    assert.ok((await visible(page, 'header h1, header .facts')).every(Boolean));
    const paragraphs = await visible(page, 'article p');
    assert.ok(paragraphs.length === 12 && paragraphs.every(Boolean), 'every paragraph');
    assert.equal(await page.locator('.print-query').isVisible(), false, 'no query, no note');
    // The printed text is the essay's whole text.
    const printed = await page.evaluate(() => document.querySelector('main').innerText);
    assert.ok(printed.includes('最初接触理论学习') && printed.includes('正人先正己'));
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('#篇章一-body').isVisible(), false, 'the screen keeps the folding');
    await context.close();
  });

  test('black text on white from every theme', async () => {
    const { page, context } = await reader.open('?q=' + encodeURIComponent('倾听'));
    await page.waitForSelector('main mark');
    for (const theme of ['深色', '护眼', '浅色']) {
      await choose(page, theme);
      await page.keyboard.press('Escape');
      await page.emulateMedia({ media: 'print' });
      const colours = await page.evaluate(() =>
        ['body', 'main p', 'header h1', '.heading-text'].map((s) => {
          const style = getComputedStyle(document.querySelector(s));
          return [style.color, s === 'body' ? style.backgroundColor : ''];
        }),
      );
      assert.deepEqual(colours, [['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], ['rgb(0, 0, 0)', ''], ['rgb(0, 0, 0)', ''], ['rgb(0, 0, 0)', '']], theme);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });

  test('while filtering, only the shown sections, with a note of the query', async () => {
    const { page, context } = await reader.open('?q=' + encodeURIComponent('倾听'));
    await page.waitForSelector('main mark');
    await page.emulateMedia({ media: 'print' });
    const note = page.locator('.print-query');
    assert.ok(await note.isVisible());
    assert.match(await note.textContent(), /^筛选：倾听（\d+ 处，\d+ 章( \d+ 节)?；只打印了匹配的部分）$/);
    const printed = await page.evaluate(() => document.querySelector('main').innerText);
    assert.ok(printed.includes('学会“倾听”'));
    assert.ok(!printed.includes('最初接触理论学习'), 'hidden sections are not printed');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await note.isVisible(), false);
    await context.close();
  });
});

describe('a 360 px phone', () => {
  test('no heading leaves one character alone on its last line', async () => {
    for (const options of [PHONE, { viewport: { width: 1280, height: 800 } }]) {
      const { page } = await reader.open('', options);
      const orphans = await page.$$eval('h1, .heading-text', (els) =>
        els.flatMap((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          // One box a line (fragments on the same line merged).
          const lines = [];
          for (const r of range.getClientRects()) {
            if (!r.width) continue;
            const line = lines.find((l) => Math.abs(l.top - r.top) < 2);
            if (line) {
              line.left = Math.min(line.left, r.left);
              line.right = Math.max(line.right, r.right);
            } else lines.push({ top: r.top, left: r.left, right: r.right });
          }
          if (lines.length < 2) return [];
          const last = lines.sort((a, b) => a.top - b.top).at(-1);
          return last.right - last.left < 1.6 * parseFloat(getComputedStyle(el).fontSize) ? [el.textContent] : [];
        }),
      );
      assert.deepEqual(orphans, [], `at ${options.viewport.width} px`);
    }
  });

  test('headings and the outline break lines at punctuation, not inside words', async () => {
    const { page } = await reader.open('', PHONE);
    await page.getByRole('button', { name: '目录' }).click();
    const splits = await page.$$eval('h1, .heading-text, .outline-text', (els) =>
      els.flatMap((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const chars = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < n.data.length; i++) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const box = r.getClientRects()[0];
            if (box) chars.push([n.data[i], box.top]);
          }
        }
        const out = [];
        for (let i = 1; i < chars.length; i++) {
          if (chars[i][1] - chars[i - 1][1] < 4) continue;
          const [before, after] = [chars[i - 1][0], chars[i][0]];
          if (!/[，。、；：？！”’）》」』\s]/.test(before) && !/[“‘（《「『\s]/.test(after)) out.push(`${el.textContent}: ${before}/${after}`);
        }
        return out;
      }),
    );
    assert.deepEqual(splits, []);
  });

  /** Problems on the page as it is: overflow and small tap targets. */
  const problems = (page) =>
    page.evaluate(() => {
      const out = [];
      const overflow = document.documentElement.scrollWidth - innerWidth;
      if (overflow > 0) out.push(`${overflow}px too wide`);
      for (const el of document.querySelectorAll('button, a[href], input[type="search"], label.choice')) {
        if (!el.checkVisibility()) continue;
        const r = el.getBoundingClientRect();
        if (r.height < 44 || (el.matches('button') && r.width < 44)) {
          out.push(`${el.tagName} "${el.textContent.trim().slice(0, 12) || el.getAttribute('aria-label')}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    });

  test('no horizontal scroll, tap targets of 44 px, in every state', async () => {
    const { page, context } = await reader.open('', PHONE);
    assert.deepEqual(await problems(page), [], 'as opened');
    await openPanel(page, '显示', 'display-panel');
    assert.deepEqual(await problems(page), [], 'display settings open');
    await choose(page, '特大');
    assert.deepEqual(await problems(page), [], 'largest text');
    await openPanel(page, '导出', 'export-panel');
    assert.deepEqual(await problems(page), [], 'export open');
    await page.getByRole('button', { name: '加入摘抄：篇章一-其一', exact: true }).click();
    await page.getByRole('button', { name: '摘抄', exact: true }).click();
    await page.locator('#notebook-panel .excerpt').waitFor();
    assert.deepEqual(await problems(page), [], 'notebook open');
    await page.keyboard.press('Escape');
    await page.locator('#notebook-panel').waitFor({ state: 'detached' });
    await page.locator('[id="篇章一-其一"] .related-toggle').click();
    await page.locator('[id="篇章一-其一"] .related-text').first().waitFor();
    assert.deepEqual(await problems(page), [], 'related passages open');
    await searchBox(page).fill('职工');
    await page.waitForSelector('main mark');
    assert.deepEqual(await problems(page), [], 'filtering');
    await page.getByRole('button', { name: '目录' }).click();
    assert.deepEqual(await problems(page), [], 'outline open');
    await page.keyboard.press('Escape');
    await searchBox(page).fill('');
    // 我的文件 with a file: its row, 做成文集, 备份与恢复.
    await openPanel(page, '打开文件', 'files-panel');
    await page.setInputFiles('#file-input', [{ name: '心得.txt', mimeType: 'text/plain', buffer: Buffer.from('心得\n\n一、学习\n正文。\n') }]);
    await page.waitForFunction(() => document.title === '心得 · 文集');
    await openPanel(page, '打开文件', 'files-panel');
    await page.locator('#files-panel .make-collection').waitFor();
    assert.deepEqual(await problems(page), [], 'my files open, with a file');
    await context.close();
  });

  test('the search box stays in reach while reading', async () => {
    const { page, context } = await reader.open('', PHONE);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await frames(page);
    const box = await searchBox(page).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height < 120, `search box at ${box.y}`);
    await searchBox(page).tap();
    await page.keyboard.type('倾听');
    await page.waitForSelector('main mark');
    await context.close();
  });

  test('the tools stay in reach at the foot of the screen, and a button goes back to the top', async () => {
    const { page } = await reader.open('', PHONE);
    const top = page.getByRole('button', { name: '回到顶部' });
    assert.equal(await top.isVisible(), false, 'no way back to the top needed at the top');
    await page.evaluate(() => window.scrollTo(0, 3000));
    await frames(page);
    for (const name of ['目录', '全部展开', '全部折叠', '导出', '显示']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box && box.y >= 740 - 60 && box.y + box.height <= 740, `${name} at ${box?.y}`);
    }
    // The last paragraph can still be scrolled clear of the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frames(page);
    const last = await page.locator('main p').last().boundingBox();
    const bar = await page.locator('.essay-toolbar').boundingBox();
    assert.ok(last.y + last.height <= bar.y, `${last.y + last.height} vs ${bar.y}`);
    // 目录 opens the outline from down here.
    await page.getByRole('button', { name: '目录' }).tap();
    await page.getByRole('navigation').waitFor();
    await page.keyboard.press('Escape');
    await top.waitFor();
    const t = await top.boundingBox();
    assert.ok(t.y + t.height <= bar.y, 'above the bar');
    await top.tap();
    await page.waitForFunction(() => scrollY === 0);
    await top.waitFor({ state: 'hidden' });
  });

  test('headings take the width: the buttons follow the text instead of a column beside it', async () => {
    const { page } = await reader.open('', PHONE);
    const widths = await page.$$eval('main .heading-row', (rows) =>
      rows.map((r) => {
        const text = r.querySelector('.heading-text').getClientRects();
        const row = r.getBoundingClientRect();
        return Math.max(...[...text].map((t) => t.right)) - row.left;
      }),
    );
    // A heading's text reaches past where the buttons' column began
    // (about 165 px of 320 were left to it); no heading runs to three lines.
    assert.ok(Math.max(...widths) > 260, String(widths));
    const lines = await page.$$eval('main .heading-text', (ts) =>
      ts.map((t) => new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size),
    );
    assert.ok(Math.max(...lines) <= 2, String(lines));
  });
});

describe('opening punctuation', () => {
  test('starts a wrapped line, or a heading, without a half-character gap', async () => {
    const { page } = await reader.open('');
    const widths = await page.evaluate(() => {
      const width = (el, at) => {
        const range = document.createRange();
        range.setStart(el.firstChild, at);
        range.setEnd(el.firstChild, at + 1);
        return range.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize);
      };
      // A paragraph of the page whose second line starts with “.
      const p = document.createElement('p');
      p.style.width = '7em';
      p.textContent = '一二三四五“六七”八九十';
      document.querySelector('.sub-body').append(p);
      // A heading that starts with “.
      const h = document.querySelector('.heading-text');
      const saved = h.textContent;
      h.textContent = '“守正”是根本';
      const out = { wrapped: width(p, 5), paragraphStart: 0, heading: width(h, 0) };
      p.textContent = '“六七”八九十';
      out.paragraphStart = width(p, 0);
      p.remove();
      h.textContent = saved;
      return out;
    });
    assert.ok(widths.wrapped < 0.6, `wrapped line: ${widths.wrapped} em`);
    assert.ok(widths.heading < 0.6, `heading: ${widths.heading} em`);
    assert.ok(widths.paragraphStart > 0.9, `a paragraph's first line keeps it whole: ${widths.paragraphStart} em`);
  });
});

describe('the search box', () => {
  test('keeps its width when hits appear, on a desktop and on a phone', async () => {
    for (const options of [{ viewport: { width: 1280, height: 900 } }, PHONE]) {
      const { page } = await reader.open('', options);
      const before = (await searchBox(page).boundingBox()).width;
      await searchBox(page).fill('倾听');
      await page.waitForSelector('main mark');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^1 \/ \d+$/.test(document.querySelector('.hit-position').textContent));
      assert.equal((await searchBox(page).boundingBox()).width, before, JSON.stringify(options.viewport));
      // The position sits inside the box, clear of the typed text.
      const pos = await page.locator('.hit-position').boundingBox();
      const box = await searchBox(page).boundingBox();
      assert.ok(pos.x > box.x + box.width / 2 && pos.x + pos.width <= box.x + box.width);
    }
  });
});

describe('nothing over what is read', () => {
  test('the end of a long query stays in view, clear of the × and the count, when it is pasted', async () => {
    const { page } = await reader.open('', PHONE);
    await searchBox(page).focus();
    // Pasted at once, a query with hits: the count appears after it.
    await page.keyboard.insertText('政工工作的对象是人核心是做人的工作');
    await page.waitForFunction(() => document.querySelector('.hit-position').textContent !== '');
    await frames(page);
    const { scroll, max } = await page.$eval('#search', (i) => ({ scroll: i.scrollLeft, max: i.scrollWidth - i.clientWidth }));
    assert.ok(max > 0, 'the query is longer than the box');
    assert.ok(scroll >= max - 1, `scrolled to its end: ${scroll} of ${max}`);
  });

  test('加入摘抄 stands beside the selection or at the foot of the screen, over no line of its paragraph', async () => {
    for (const options of [{ viewport: { width: 1366, height: 800 } }, PHONE]) {
      const { page } = await reader.open('', options);
      const lines = await page.evaluate(() => {
        const p = document.querySelector('[id="篇章一-其一"] .sub-body p');
        p.scrollIntoView({ block: 'center' });
        const text = p.firstChild;
        const r = document.createRange();
        r.setStart(text, 5);
        r.setEnd(text, 30);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        // Every line of the paragraph, where it stands on the screen.
        const all = document.createRange();
        all.selectNodeContents(p);
        return [...all.getClientRects()].map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
      });
      const button = page.locator('.selection-excerpt');
      await button.waitFor();
      const b = await button.boundingBox();
      const where = JSON.stringify(options.viewport);
      assert.ok(b.y >= 0 && b.y + b.height <= options.viewport.height, `on the screen: ${where}`);
      for (const l of lines) {
        const apart = b.x >= l.right || b.x + b.width <= l.left || b.y >= l.bottom || b.y + b.height <= l.top;
        assert.ok(apart, `${where}: the button ${JSON.stringify(b)} covers the line ${JSON.stringify(l)}`);
      }
      // It still adds the selection.
      await button.click();
      await page.locator('.notice').filter({ hasText: '已加入摘抄本' }).waitFor();
    }
  });
});
