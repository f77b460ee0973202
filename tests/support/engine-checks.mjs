// One list of the reader's core checks, run in every engine WebDriver
// drives (tests/firefox.test.mjs, tests/webkit.test.mjs) over the one
// release build. What an engine lacks is asserted as the fallback the
// README's browser table describes, never skipped.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch } from './browser.mjs';
import { docx } from './docx.mjs';
import { serve } from './serve.mjs';
import { ENGINES, KEY, webdriver } from './webdriver.mjs';

const TITLE = '政工工作心得体会范文合集';
const BG = { light: 'rgb(251, 250, 246)', dark: 'rgb(23, 23, 26)', sepia: 'rgb(244, 236, 216)' };
const INTERACTIVE = "return performance.getEntriesByName('wenji-interactive').length > 0";
const MARKS = "return [...document.querySelectorAll('main mark')].map((m) => m.textContent)";
const STATUS = "return document.getElementById('search-status').textContent";
const WORD = docx(
  [
    ['Heading1', '一、学习体会'],
    [null, '学习是第一要务，要倾听群众呼声。'],
    ['Heading1', '二、实践体会'],
    [null, '實踐出真知，要在实践中检验。'],
  ],
  '我的学习心得',
);

/**
 * Register the checks for `engine` (a key of ENGINES). `extra(suite)` may
 * add the engine's own tests; `suite.wd` is the driver, `suite.url` the
 * served build.
 */
export function engineChecks(engine, extra) {
  const suite = { wd: undefined, url: undefined, files: undefined };
  let server;

  describe(ENGINES[engine].name, () => {
    before(async () => {
      server = await serve('dist');
      suite.url = server.url;
      suite.files = await mkdtemp(join(tmpdir(), `wenji-${engine}-`));
      suite.wd = await webdriver(engine);
      await suite.wd.resize(1280, 900);
    });
    after(async () => {
      await suite.wd?.quit();
      await server?.close();
    });

    /** Go to `path` of the build and wait until the app has taken over. */
    const open = async (path = '') => {
      await suite.wd.goto(suite.url + path);
      await suite.wd.until(INTERACTIVE, 30000);
    };
    /** Empty the box and type `text` into it, as a person does. */
    const search = async (text) => {
      const wd = suite.wd;
      await wd.run("const s = document.getElementById('search'); s.focus(); s.select();");
      await wd.press(KEY.Escape);
      await wd.type('#search', text);
    };

    /** Each file the page fetched, fetched once, `expected` among them. */
    const downloadedOnce = async (...expected) => {
      const names = await suite.wd.run(
        "return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop())",
      );
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      assert.deepEqual(twice, [], `downloaded twice: ${twice}`);
      for (const e of expected) assert.ok(names.some((n) => e.test(n)), `${e} in ${names.join(' ')}`);
    };

    test('opens, takes the prerendered page over, and downloads each file once', async () => {
      const wd = suite.wd;
      await open();
      assert.equal(await wd.run("return document.querySelector('h1').textContent"), TITLE);
      assert.equal(await wd.run("return document.querySelectorAll('main h2').length"), 5);
      assert.equal(await wd.run("return document.querySelectorAll('main h3').length"), 7);
      assert.equal(await wd.run("return document.querySelector('.panic-notice') === null"), true);
      await downloadedOnce(/_bg\.wasm$/);
      // A collection of 140 essays (test.sh builds it): its data files and
      // the list's parts of the wasm are fetched with the page too.
      const big = await serve('target/dist-140');
      try {
        await wd.goto(big.url);
        await wd.until(INTERACTIVE, 30000);
        await downloadedOnce(/^index-.*\.txt$/, /-split_list\.wasm$/, /_bg\.wasm$/);
      } finally {
        await big.close();
      }
    });

    test('searches characters, pinyin and initials, marking every hit', async () => {
      const wd = suite.wd;
      await open();
      await search('职工');
      await wd.until("return document.querySelectorAll('main mark').length > 0");
      const hits = await wd.run(MARKS);
      assert.ok(hits.length >= 2 && hits.every((m) => m === '职工'), hits.join());
      await search('zhigong');
      await wd.until("return document.querySelectorAll('main mark').length > 0 && [...document.querySelectorAll('main mark')].every((m) => m.textContent === '职工')");
      await search('szcx');
      await wd.until(`${MARKS}.join() === '守正创新,守正创新'`);
      assert.equal(await wd.run(STATUS), '共 2 处，显示 1 章 2 节');
      // The address is written once the typing pauses.
      await wd.until('return new URL(location).searchParams.get("q") === "szcx"');
    });

    test('folds and unfolds a part from its chevron; folded text stays findable where the engine can', async () => {
      const wd = suite.wd;
      await open();
      const chevron = '#篇章一 > .heading-row h2 button';
      await wd.click(chevron);
      await wd.until(`return document.querySelector('${chevron}').getAttribute('aria-expanded') === 'false'`);
      assert.equal(await wd.run("return document.getElementById('篇章一-body').getAttribute('hidden')"), 'until-found');
      assert.equal(await wd.run("return document.querySelector('#篇章一-body p').checkVisibility()"), false);
      // Where the engine has `until-found` (beforematch), its find reveals
      // the text; elsewhere the folded text is simply hidden (README).
      const untilFound = await wd.run("return 'onbeforematch' in document.body");
      assert.equal(
        await wd.run("return getComputedStyle(document.getElementById('篇章一-body')).contentVisibility === 'hidden'"),
        untilFound,
      );
      await wd.click(chevron);
      await wd.until("return !document.getElementById('篇章一-body').hasAttribute('hidden')");
    });

    test('the outline unfolds what it needs and goes there; a deep link and ?q= with a fragment open there', async () => {
      const wd = suite.wd;
      await open();
      await wd.click('#篇章三 > .heading-row h2 button');
      await wd.until("return document.getElementById('篇章三-body').hasAttribute('hidden')");
      await wd.click('#outline a[href="#篇章三-其二"]');
      await wd.until("return !document.getElementById('篇章三-body').hasAttribute('hidden')");
      await wd.until("return decodeURIComponent(location.hash) === '#篇章三-其二'");
      const inView = (id) =>
        `const t = document.getElementById('${id}').getBoundingClientRect().top; return t >= 0 && t < innerHeight / 2`;
      await wd.until(inView('篇章三-其二'));

      await open('#篇章二-其二');
      await wd.until(inView('篇章二-其二'));
      await open(`?q=${encodeURIComponent('职工')}#篇章二-其一`);
      await wd.until("return document.querySelectorAll('main mark').length > 0");
      await wd.until(inView('篇章二-其一'));
      assert.equal(await wd.run("return document.getElementById('search').value"), '职工');
    });

    test('themes: 深色 and 护眼 paint the page and are remembered', async () => {
      const wd = suite.wd;
      await open();
      const choose = async (label) => {
        if (!(await wd.run("return document.getElementById('display-panel') !== null"))) await wd.clickButton('显示');
        const input = await wd.until(
          `return [...document.querySelectorAll('#display-panel label')].find((l) => l.textContent.trim() === '${label}')`,
        );
        await wd.click(input);
      };
      const background = (bg) => wd.until(`return getComputedStyle(document.body).backgroundColor === '${bg}'`);
      await choose('深色');
      await background(BG.dark);
      await choose('护眼');
      await background(BG.sepia);
      await wd.reload();
      await wd.until(INTERACTIVE, 30000);
      await background(BG.sepia);
      await choose('浅色');
      await background(BG.light);
    });

    test('Esc and the keyboard shortcuts', async () => {
      const wd = suite.wd;
      await open();
      await wd.run('document.activeElement?.blur()');
      await wd.press('?');
      await wd.until("return document.querySelector('[role=dialog][aria-modal=true]') !== null");
      await wd.press(KEY.Escape);
      await wd.until("return document.querySelector('[role=dialog][aria-modal=true]') === null");
      const all = (state) =>
        `return [...document.querySelectorAll('button.fold')].every((b) => b.getAttribute('aria-expanded') === '${state}')`;
      await wd.press('c');
      await wd.until(all('false'));
      await wd.press('e');
      await wd.until(all('true'));
      await wd.press('/');
      await wd.until("return document.activeElement?.id === 'search'");
      await wd.press(...'理论');
      await wd.until("return document.querySelectorAll('main mark').length > 0");
      // The first Esc clears the box, the second leaves it.
      await wd.press(KEY.Escape);
      await wd.until("return document.getElementById('search').value === '' && document.querySelectorAll('main mark').length === 0");
      await wd.press(KEY.Escape);
      await wd.until("return document.activeElement?.id !== 'search'");
    });

    test('the notebook: an excerpt kept over a reload, its notice clear of 继续阅读, and exported', async () => {
      const wd = suite.wd;
      await open();
      // A place to go back to, for the 继续阅读 bar of the next visit.
      await wd.run("document.getElementById('篇章二-其一').scrollIntoView()");
      await wd.until("return localStorage.getItem('wenji:reading:zhenggong-xinde')?.endsWith('篇章二-其一')");
      await open();
      await wd.until("return document.querySelector('.resume')?.checkVisibility()");
      await wd.clickButton('加入摘抄：篇章一-其一');
      const notice = "document.querySelector('.notice')";
      await wd.until(`return ${notice}.textContent.includes('已加入摘抄本')`);
      const apart = await wd.run(`
        const a = ${notice}.getBoundingClientRect(), b = document.querySelector('.resume').getBoundingClientRect();
        return a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left;`);
      assert.equal(apart, true, 'the notice covers 继续阅读');

      await wd.reload();
      await wd.until(INTERACTIVE, 30000);
      await wd.clickButton('摘抄');
      await wd.until("return document.querySelectorAll('#notebook-panel .excerpt').length === 1");
      assert.match(await wd.run("return document.querySelector('#notebook-panel .excerpt-quote').textContent"), /学深悟透|理论/);
      // The excerpt is underlined in the text where the engine has CSS
      // Custom Highlights; without them, nothing is drawn (README).
      const highlights = await wd.run("return typeof CSS.highlights === 'object'");
      if (highlights) await wd.until('return CSS.highlights.size > 0');

      // Export as Markdown: what the page hands the browser to save.
      await wd.run(`
        window.saved = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { const u = make(blob); window.saved.push([u, blob]); return u; };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          const kept = window.saved.find(([u]) => u === this.href);
          if (kept) kept.push(this.download);
          return click.call(this);
        };`);
      await wd.clickButton('导出 Markdown（.md）');
      const [name, text] = await wd.runAsync(`
        const done = arguments[arguments.length - 1];
        const wait = () => {
          const s = window.saved.find((k) => k.length === 3);
          if (s) s[1].text().then((t) => done([s[2], t])); else setTimeout(wait, 50);
        };
        wait();`);
      assert.equal(name, '摘抄本.md');
      assert.match(text, new RegExp(TITLE), text.slice(0, 200));
    });

    test('a phone-sized window: the outline behind its button, nothing wider than the screen', async () => {
      // A window cannot be made that narrow in every engine (Firefox stops
      // at 500 px, MiniBrowser at 447), so the page opens in a frame of a
      // phone's size: its media queries and layout are the frame's.
      const wd = suite.wd;
      await open();
      const frame = await wd.run(`
        const f = document.createElement('iframe');
        f.src = location.href;
        f.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 360px; height: 740px; border: 0; z-index: 99';
        document.body.replaceChildren(f);
        return f;`);
      await wd.frame(frame);
      try {
        await wd.until(INTERACTIVE, 30000);
        assert.deepEqual(await wd.run('return [innerWidth, innerHeight]'), [360, 740]);
        assert.equal(await wd.run('return document.documentElement.scrollWidth <= innerWidth'), true);
        assert.equal(await wd.run("return document.getElementById('outline').checkVisibility()"), false);
        await wd.clickButton('目录');
        await wd.until("return document.getElementById('outline').checkVisibility()");
        await wd.click('#outline a[href="#篇章四"]');
        await wd.until("return decodeURIComponent(location.hash) === '#篇章四'");
      } finally {
        await wd.frame(null);
      }
    });

    test('opens a .txt and a .docx of ones own through the file input', async () => {
      const wd = suite.wd;
      const txt = join(suite.files, '调研.txt');
      const word = join(suite.files, '学习心得.docx');
      await writeFile(txt, '基层调研报告\n\n第一章 调研背景\n本次调研走访了十个支部。\n第二章 调研发现\n发现问题三项。\n');
      await writeFile(word, WORD);
      await open();
      await wd.clickButton('打开文件');
      await wd.until("return document.getElementById('file-input') !== null");
      await wd.type('#file-input', txt);
      await wd.until("return document.title === '基层调研报告 · 文集'", 20000);
      assert.deepEqual(
        await wd.run("return [...document.querySelectorAll('main h2 .heading-text')].map((h) => h.textContent)"),
        ['第一章 调研背景', '第二章 调研发现'],
      );
      await search('diaoyan');
      await wd.until(`${MARKS}.includes('调研')`);

      await wd.clickButton('打开文件');
      await wd.until("return document.getElementById('file-input') !== null");
      await wd.type('#file-input', word);
      await wd.until("return document.title === '我的学习心得 · 文集'", 20000);
      await search('实践');
      await wd.until(`${MARKS}.includes('實踐')`);
    });

    test('the single file opens from file:// and searches', async () => {
      const wd = suite.wd;
      await wd.goto(pathToFileURL(resolve('dist/wenji.html')).href);
      await wd.until(INTERACTIVE, 30000);
      assert.equal(await wd.run("return document.querySelector('h1').textContent"), TITLE);
      await search('szcx');
      await wd.until(`${MARKS}.join() === '守正创新,守正创新'`);
    });

    test('a collection made in the page (in Chromium) opens and searches from file://', async () => {
      const chromium = await launch();
      let path;
      try {
        const page = await (await chromium.newContext()).newPage();
        await page.goto(suite.url);
        await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
        await page.getByRole('button', { name: '打开文件' }).click();
        await page.locator('#file-input').setInputFiles([
          { name: '调研.txt', mimeType: 'text/plain', buffer: Buffer.from('基层调研报告\n\n第一章 调研背景\n本次调研走访了十个支部。\n') },
          { name: '笔记.md', mimeType: 'text/markdown', buffer: Buffer.from('# 读书笔记\n\n## 第一篇\n\n读书使人明理，调研使人求实。\n') },
        ]);
        await page.waitForFunction(() => document.title === '读书笔记 · 文集');
        await page.getByRole('button', { name: '打开文件' }).click();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '做成文集（.html）' }).click(),
        ]);
        path = join(suite.files, download.suggestedFilename());
        await download.saveAs(path);
      } finally {
        await chromium.close();
      }
      const wd = suite.wd;
      await wd.goto(pathToFileURL(path).href);
      await wd.until(INTERACTIVE, 30000);
      assert.equal(await wd.run("return document.querySelector('h1').textContent"), '我的文集');
      assert.equal(await wd.run("return document.querySelectorAll('.essay-link-title').length"), 2);
      await search('diaoyan');
      await wd.until("return /在 2 篇文章中/.test(document.getElementById('search-status').textContent)");
    });

    extra?.(suite);
  });
}
