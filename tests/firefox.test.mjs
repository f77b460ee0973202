// Smoke test in Firefox ESR: the reader opens, folds and filters there too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

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
  assert.equal(await ff.run('return new URL(location).searchParams.get("q")'), 'szcx');
});
