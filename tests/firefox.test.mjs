// Smoke test in Firefox ESR: the reader opens, folds and filters there too,
// and a collection made in the page (做成文集) opens from file://.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch } from './support/browser.mjs';
import { serve } from './support/serve.mjs';
import { firefox } from './support/webdriver.mjs';

let server;
let ff;

before(async () => {
  server = await serve('dist');
  ff = await firefox();
});

after(async () => {
  await ff?.quit();
  await server?.close();
});

test('Firefox ESR opens, folds and filters the reader', async () => {
  assert.ok(Number.parseInt(ff.browserVersion, 10) >= 102, `Firefox ${ff.browserVersion}`);
  await ff.goto(server.url);
  await ff.until("return performance.getEntriesByName('wenji-interactive').length > 0");
  assert.equal(await ff.run("return document.querySelector('h1').textContent"), '政工工作心得体会范文合集');
  assert.equal(await ff.run("return document.querySelectorAll('main h2').length"), 5);
  assert.equal(await ff.run("return document.querySelectorAll('main h3').length"), 7);

  await ff.click('#篇章一 > .heading-row h2 button');
  await ff.until("return document.querySelector('#篇章一 > .heading-row h2 button').getAttribute('aria-expanded') === 'false'");
  assert.equal(await ff.run("return document.getElementById('篇章一-body').getAttribute('hidden')"), 'until-found');
  await ff.click('#篇章一 > .heading-row h2 button');
  await ff.until("return !document.getElementById('篇章一-body').hasAttribute('hidden')");

  await ff.type('#search', 'szcx');
  await ff.until("return document.querySelectorAll('main mark').length > 0");
  assert.deepEqual(
    await ff.run("return [...document.querySelectorAll('main mark')].map((m) => m.textContent)"),
    ['守正创新', '守正创新'],
  );
  assert.equal(await ff.run("return document.getElementById('search-status').textContent"), '共 2 处，显示 1 章 2 节');
  // The address is written once the typing pauses.
  await ff.until('return new URL(location).searchParams.get("q") === "szcx"');
});

test('a collection made in the page opens and searches in Firefox from file://', async () => {
  // Made in Chromium, as a reader would make it to send.
  const chromium = await launch();
  let path;
  try {
    const page = await (await chromium.newContext()).newPage();
    await page.goto(server.url);
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
    path = join(await mkdtemp(join(tmpdir(), 'wenji-ff-')), download.suggestedFilename());
    await download.saveAs(path);
  } finally {
    await chromium.close();
  }
  await ff.goto(pathToFileURL(path).href);
  await ff.until("return performance.getEntriesByName('wenji-interactive').length > 0");
  assert.equal(await ff.run("return document.querySelector('h1').textContent"), '我的文集');
  assert.equal(await ff.run("return document.querySelectorAll('.essay-link-title').length"), 2);
  await ff.type('#search', 'diaoyan');
  await ff.until("return /在 2 篇文章中/.test(document.getElementById('search-status').textContent)");
});
