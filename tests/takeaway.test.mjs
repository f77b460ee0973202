// Taking text away: copy a part or sub-section with its citation, copy a
// heading's link, export what is shown as Markdown or plain text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { HtmlRenderer, Parser } from 'commonmark';

import { CLIPBOARD, readClipboard } from './support/browser.mjs';
import { openPanel, readerSuite } from './support/suite.mjs';

const reader = readerSuite();
const TITLE = '政工工作心得体会范文合集';

const clipboard = async (page) => (await readClipboard(page)).plain;
const notice = (page) => page.locator('.notice[role="status"]');

/** The text of a section as the page shows it, paragraphs joined. */
const shownText = (page, id) =>
  page.$eval(`[id="${id}"]`, (s) => {
    const heading = s.querySelector('.heading-text').textContent;
    const paras = [...s.querySelectorAll(':scope > div > p')].map((p) => p.textContent);
    return [heading + paras[0], ...paras.slice(1)].join('\n');
  });

describe('copy', () => {
  test('a sub-section goes to the clipboard with a citation line, announced', async () => {
    const { page, context } = await reader.open('', CLIPBOARD);
    await page.getByRole('button', { name: '复制文字：篇章一-其一', exact: true }).click();
    await notice(page).filter({ hasText: '已复制本节文字和出处' }).waitFor();
    assert.equal(await notice(page).getAttribute('aria-live'), 'polite');
    const text = await clipboard(page);
    const [body, citation] = text.split('\n\n');
    assert.equal(body, await shownText(page, '篇章一-其一'));
    assert.equal(
      citation,
      `出处：《${TITLE}》 · 篇章一：铸魂育人，强化理论武装的深度与广度 · 其一，在“学深悟透”上下苦功。 ${reader.url}#篇章一-其一`,
    );
    // The notice goes away by itself.
    await page.waitForFunction(() => document.querySelector('.notice').textContent === '', null, { timeout: 5000 });
    await context.close();
  });

  test('text only, when chosen in 显示, leaves the citation out and is remembered', async () => {
    const { page, context } = await reader.open('', CLIPBOARD);
    const copy = page.getByRole('button', { name: '复制文字：篇章一-其一', exact: true });
    assert.equal(await copy.getAttribute('title'), '复制本节文字（附出处）');
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByRole('radio', { name: '仅文字' }).check();
    await page.keyboard.press('Escape');
    assert.equal(await copy.getAttribute('title'), '复制本节文字');
    await copy.click();
    await notice(page).filter({ hasText: '已复制本节文字' }).waitFor();
    assert.equal(await notice(page).textContent(), '已复制本节文字');
    assert.equal(await clipboard(page), await shownText(page, '篇章一-其一'));
    // Remembered: a new visit copies text only too.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await page.getByRole('button', { name: '复制文字：篇章二', exact: true }).click();
    await notice(page).filter({ hasText: '已复制本部分文字' }).waitFor();
    const text = await clipboard(page);
    assert.ok(text.startsWith('篇章二：以人为本'), text);
    assert.ok(!text.includes('出处：'), text);
    await context.close();
  });

  test('a part while filtering takes only its shown sections; its link opens there', async () => {
    const { page, context } = await reader.open('?q=' + encodeURIComponent('倾听'), CLIPBOARD);
    await page.waitForSelector('main mark');
    await page.getByRole('button', { name: '复制文字：篇章二', exact: true }).click();
    await notice(page).filter({ hasText: '已复制' }).waitFor();
    const text = await clipboard(page);
    assert.ok(text.startsWith('篇章二：以人为本，提升思想疏导的温度与精度\n其一，学会“倾听”'), text);
    assert.ok(!text.includes('精准“滴灌”'), 'the hidden sub-section is left out');
    assert.ok(text.endsWith(`出处：《${TITLE}》 · 篇章二：以人为本，提升思想疏导的温度与精度 ${reader.url}#篇章二`));

    await page.getByRole('button', { name: '复制链接：篇章二-其一', exact: true }).click();
    await notice(page).filter({ hasText: '已复制链接' }).waitFor();
    const address = await clipboard(page);
    assert.equal(address, `${reader.url}#篇章二-其一`);
    const other = await context.newPage();
    await other.goto(address);
    await other.waitForFunction(() => {
      const r = document.getElementById('篇章二-其一').getBoundingClientRect();
      return scrollY > 0 && r.top >= 0 && r.top < innerHeight;
    });
    await context.close();
  });

  test('without the Clipboard API (plain http on a LAN) the old copy command is used', async () => {
    const { context } = await reader.open('');
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      document.addEventListener('copy', () => {
        window.copied = document.activeElement.value;
      });
    });
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    const button = page.getByRole('button', { name: '复制链接：篇章三', exact: true });
    await button.click();
    await notice(page).filter({ hasText: '已复制链接' }).waitFor();
    assert.equal(await page.evaluate(() => window.copied), `${reader.url}#篇章三`);
    assert.equal(await page.locator('textarea').count(), 0, 'the helper field is gone');
    assert.ok(await button.evaluate((b) => b === document.activeElement), 'the focus is back on the button');
    await context.close();
  });
});

describe('select and copy', () => {
  test('a drag selects a heading without folding it; a click on it folds', async () => {
    const { page } = await reader.open('', CLIPBOARD);
    const expanded = () => page.getAttribute('#篇章一-其一-fold', 'aria-expanded');
    assert.equal(await expanded(), 'true');
    const text = page.locator('#篇章一-其一 .heading-text');
    const h = await text.boundingBox();
    await page.mouse.move(h.x + 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width - 2, h.y + h.height / 2, { steps: 8 });
    await page.mouse.up();
    assert.equal(await page.evaluate(() => getSelection().toString()), await text.textContent());
    assert.equal(await expanded(), 'true', 'a drag does not fold');
    await page.evaluate(() => getSelection().removeAllRanges());
    await text.click();
    assert.equal(await expanded(), 'false', 'a click folds');
    await text.click();
    assert.equal(await expanded(), 'true');
  });

  test('Ctrl+C in the dark theme gives plain text and HTML with no colour', async () => {
    const { page } = await reader.open('?q=' + encodeURIComponent('学深悟透'), { ...CLIPBOARD, colorScheme: 'dark' });
    await page.waitForSelector('main mark');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('dark')));
    // From the start of the sub-section's heading to the end of its first
    // paragraph: the heading (with a hit and its count) and the text.
    await page.evaluate(() => {
      const s = document.getElementById('篇章一-其一');
      const range = document.createRange();
      range.setStartBefore(s.querySelector('.heading-text'));
      range.setEndAfter(s.querySelector('.sub-body p'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.keyboard.press('Control+C');
    const { html, plain } = await readClipboard(page);
    const heading = await page.textContent('#篇章一-其一 .heading-text');
    const first = await page.textContent('#篇章一-其一 .sub-body p');
    assert.equal(plain, `${heading}\n${first}`);
    assert.ok(html.endsWith(`<h3>${heading}</h3><p>${first}</p>`), html);
    assert.doesNotMatch(html, /style|color|rgb|<mark/);
  });

  test('Ctrl+C while filtering copies what is shown, not the hidden text between', async () => {
    const { page } = await reader.open('?q=' + encodeURIComponent('职工'), CLIPBOARD);
    await page.waitForSelector('main mark');
    // From the 篇章二 heading into its first shown sub-section, across the
    // part's lead, which the filter hides.
    const lead = page.locator('[id="篇章二"] p[hidden]').first();
    assert.equal(await lead.count(), 1, 'the lead is hidden by the filter');
    const hiddenText = (await lead.textContent()).slice(0, 12);
    await page.evaluate(() => {
      const part = document.getElementById('篇章二');
      const range = document.createRange();
      range.setStartBefore(part.querySelector('.heading-text'));
      range.setEndAfter(part.querySelector('section.sub:not([hidden]) .sub-body p'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    const spanned = await page.evaluate(() => getSelection().getRangeAt(0).cloneContents().textContent);
    assert.ok(spanned.includes(hiddenText), 'the selection spans it');
    await page.keyboard.press('Control+C');
    const { html, plain } = await readClipboard(page);
    assert.ok(!plain.includes(hiddenText), plain);
    assert.ok(!html.includes(hiddenText), html);
    assert.ok(plain.startsWith(await page.textContent('[id="篇章二"] .heading-text')), plain);
  });
});

describe('export', () => {
  async function download(page, label) {
    const panel = await openPanel(page, '导出', 'export-panel');
    const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: label }).click()]);
    const text = await readFile(await file.path(), 'utf8');
    if (!label.includes('.txt')) return { name: file.suggestedFilename(), text };
    // Plain text as Notepad wants it: a byte-order mark and CRLF only.
    assert.ok(text.startsWith('\ufeff'), 'a byte-order mark');
    assert.ok(!/[^\r]\n/.test(text), 'no line ends without CR');
    return { name: file.suggestedFilename(), text: text.slice(1).replace(/\r\n/g, '\n') };
  }

  test('the whole essay as Markdown and as plain text, each part cited', async () => {
    const { page, context } = await reader.open('');
    const md = await download(page, 'Markdown（.md）');
    assert.equal(md.name, `${TITLE}.md`);
    assert.ok(md.text.startsWith(`# ${TITLE}\n\n> 原文为 Word 文档 · 约 2,490 字`), md.text.slice(0, 80));
    const parts = await page.$$eval('main section.part', (ss) => ss.map((s) => [s.id, s.querySelector('.heading-text').textContent]));
    for (const [id, title] of parts) {
      assert.ok(md.text.includes(`\n## ${title}\n`), title);
      assert.ok(md.text.includes(`(<${reader.url}#${id}>)*`), id);
    }
    // As every Markdown renderer shows it (CommonMark's reference
    // implementation): headings where the page has them, no literal markup.
    const html = new HtmlRenderer().render(new Parser().parse(md.text));
    assert.ok(html.includes('<h3>其一，在“学深悟透”上下苦功。</h3>\n<p>最初接触理论学习'), html.slice(0, 400));
    const rendered = html.replace(/<[^>]*>/g, '');
    assert.ok(!/\*\*|__|\\/.test(rendered), 'no markup shown as text');
    assert.equal((html.match(/<h3>/g) ?? []).length, await page.locator('main section.sub').count());
    assert.ok(!md.text.includes('筛选'));
    await notice(page).filter({ hasText: `已导出 ${TITLE}.md` }).waitFor();

    const txt = await download(page, '纯文本（.txt）');
    assert.equal(txt.name, `${TITLE}.txt`);
    for (const id of ['篇章一-其一', '篇章三-其二', '篇章四-其一']) {
      assert.ok(txt.text.includes(await shownText(page, id)), id);
    }
    assert.equal(txt.text.match(/^出处：/gm).length, parts.length);
    assert.ok(!txt.text.includes('**'));
    await context.close();
  });

  test('while filtering only the shown sections, each cited, with the query', async () => {
    const { page, context } = await reader.open('?q=' + encodeURIComponent('职工 -理论'));
    await page.waitForSelector('main mark');
    const shown = await page.$$eval('main section.sub:not([hidden])', (ss) => ss.map((s) => s.id));
    const hidden = await page.$$eval('main section.sub[hidden]', (ss) => ss.map((s) => s.id));
    assert.ok(shown.length > 0 && hidden.length > 0);
    await page.getByRole('button', { name: '导出' }).click();
    assert.match(await page.locator('#export-panel').textContent(), /筛选出的/);
    const txt = await download(page, '纯文本（.txt）');
    assert.equal(txt.name, `${TITLE}（筛选）.txt`);
    assert.ok(txt.text.includes('筛选：职工 -理论（只含匹配的'), txt.text.slice(0, 200));
    for (const id of shown) assert.ok(txt.text.includes(`${reader.url}#${id}\n`), id);
    for (const id of hidden) assert.ok(!txt.text.includes(`#${id}\n`), id);
    await context.close();
  });
});
