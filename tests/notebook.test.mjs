// 摘抄本: excerpts added from a selection and from a whole sub-section, a
// note of one's own, reordered by the keyboard and by dragging, removed,
// shown where they came from, kept across visits (or for the visit, where
// the browser keeps nothing), found again or marked 原文已改动 after the
// text changes, and exported as Markdown, text and a real Word file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { NEVER_PRECACHE, openPanel as openNamedPanel, readerSuite } from './support/suite.mjs';
import { unzip } from './support/unzip.mjs';

const reader = readerSuite();
const TITLE = '政工工作心得体会范文合集';

const panel = (page) => page.locator('#notebook-panel');
const items = (page) => panel(page).locator('.excerpt');

const openPanel = (page) => openNamedPanel(page, '摘抄', 'notebook-panel');

/** Add sub-section `id` whole, with its heading's button. */
async function addSection(page, id) {
  await page.getByRole('button', { name: `加入摘抄：${id}`, exact: true }).click();
  await page.locator('.notice').filter({ hasText: '已加入摘抄本' }).waitFor();
}

/** Select characters `from`..`to` of the first paragraph of `id`, and add them. */
async function addSelection(page, id, from, to) {
  const text = await page.evaluate(
    ([id, from, to]) => {
      const t = document.getElementById(id).querySelector(':scope > div > p').firstChild;
      const r = document.createRange();
      r.setStart(t, from);
      r.setEnd(t, to);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return r.toString();
    },
    [id, from, to],
  );
  await page.locator('.selection-excerpt').click();
  await page.locator('.notice').filter({ hasText: '已加入摘抄本' }).last().waitFor();
  return text;
}

const quotes = (page) => items(page).locator('.excerpt-quote').allInnerTexts();

/** The notebook as the browser keeps it (IndexedDB), once it says `holds`. */
function kept(page, holds) {
  return page.waitForFunction(async (holds) => {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('wenji');
      r.onsuccess = () => ok(r.result);
      r.onerror = no;
    });
    const text = await new Promise((ok) => {
      const r = db.transaction('notebook').objectStore('notebook').get('notebook');
      r.onsuccess = () => ok(r.result ?? '');
    });
    db.close();
    return text.split('\n').filter((l) => l.startsWith('X\t')).length === holds.count && text.includes(holds.text ?? '');
  }, holds);
}

describe('the notebook', () => {
  test('a selection and a whole sub-section are added, noted, kept across visits and shown where they stand', async () => {
    const { page, log } = await reader.open('');
    await addSection(page, '篇章一-其一');
    const picked = await addSelection(page, '篇章二-其一', 3, 20);
    assert.equal(picked, '有时会不自觉地站在教育者的角度，习');
    assert.equal(await page.locator('.selection-excerpt').count(), 0, 'the button goes with the selection');
    await openPanel(page);
    const q = await quotes(page);
    assert.equal(q.length, 2);
    assert.ok(q[0].startsWith('其一，在“学深悟透”上下苦功。最初接触理论学习'), q[0]);
    assert.equal(q[1], picked);
    const sources = await items(page).locator('.excerpt-source').allInnerTexts();
    assert.equal(sources[1], `《${TITLE}》 · 篇章二：以人为本，提升思想疏导的温度与精度 · 其一，学会“倾听”，方能“理解”。`);

    // A note of one's own, kept with the excerpt.
    await items(page).nth(1).locator('textarea').fill('可用于开头');
    await items(page).nth(1).locator('textarea').blur();
    await kept(page, { count: 2, text: '可用于开头' });
    // Marked in the text: the whole sub-section and the selection.
    await page.waitForFunction(() => CSS.highlights.get('wenji-excerpt')?.size >= 3);

    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await openPanel(page);
    await items(page).nth(1).waitFor();
    assert.deepEqual(await quotes(page), q, 'kept across visits');
    assert.equal(await items(page).nth(1).locator('textarea').inputValue(), '可用于开头');

    // Its source: the passage there, marked apart.
    await items(page).nth(1).locator('.excerpt-source button').click();
    await page.waitForFunction(() => decodeURIComponent(location.hash) === '#篇章二-其一');
    await page.waitForFunction(() => CSS.highlights.get('wenji-excerpt-current')?.size === 1);
    const current = await page.evaluate(() => [...CSS.highlights.get('wenji-excerpt-current')][0].toString());
    assert.equal(current, picked);
    assert.deepEqual(log.errors, []);
  });

  test('reordered from the keyboard and by dragging, and removed', async () => {
    // Tall enough for the three excerpts to be on screen together.
    const { page, log } = await reader.open('', { viewport: { width: 1280, height: 2000 } });
    await addSection(page, '篇章一-其一');
    await addSection(page, '篇章一-其二');
    await addSection(page, '篇章二-其一');
    await openPanel(page);
    const first = async () => (await quotes(page)).map((t) => t.slice(0, 3));
    assert.deepEqual(await first(), ['其一，', '其二，', '其一，']);
    const heads = async () => items(page).evaluateAll((lis) => lis.map((li) => li.id));
    const [a, b, c] = await heads();

    // 下移 from the keyboard: the focus stays on the moved excerpt's button.
    await items(page).nth(0).getByRole('button', { name: /^下移/ }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await heads(), [b, a, c]);
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === id, a);
    // Alt+↓ on the excerpt moves it again; Alt+↑ back.
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepEqual(await heads(), [b, c, a]);
    // At the end its 下移 is disabled: the focus goes to its note instead.
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === id, a);
    await page.keyboard.press('Alt+ArrowUp');
    assert.deepEqual(await heads(), [b, a, c]);
    // The first cannot go up, the last not down.
    assert.equal(await items(page).nth(0).getByRole('button', { name: /^上移/ }).isDisabled(), true);
    assert.equal(await items(page).nth(2).getByRole('button', { name: /^下移/ }).isDisabled(), true);

    // Dragged with the mouse: the last to the top.
    // (Held by its quote: a press in the note selects text instead.)
    await items(page).nth(2).dragTo(items(page).nth(0), { sourcePosition: { x: 30, y: 20 }, targetPosition: { x: 30, y: 20 } });
    assert.deepEqual(await heads(), [c, b, a]);

    // 删除 stands well apart from 下移.
    const gap = await items(page).nth(1).evaluate((li) => {
      const [down, remove] = ['down', 'remove'].map((act) => li.querySelector(`[data-act="${act}"]`).getBoundingClientRect());
      return remove.left - down.right;
    });
    assert.ok(gap >= 24, `${gap} px between 下移 and 删除`);

    // Deleted with its note, then undone: back at its place, note and all.
    const note = items(page).nth(1).locator('textarea');
    await note.fill('这条的笔记');
    await note.blur();
    await items(page).nth(1).getByRole('button', { name: /^删除/ }).click();
    assert.deepEqual(await heads(), [c, a]);
    const undo = page.locator('#notebook-panel .excerpt-removed');
    assert.match(await undo.textContent(), /^已删除摘抄“.+”撤销$/);
    const focused = () => page.evaluate(() => document.activeElement.textContent.trim());
    assert.equal(await focused(), '撤销', 'the focus stays in the panel');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#notebook-panel .excerpt').length === 3);
    assert.deepEqual(await heads(), [c, b, a]);
    assert.equal(await items(page).nth(1).locator('textarea').inputValue(), '这条的笔记');
    assert.equal(await undo.textContent(), '');
    await page.waitForFunction(() => document.activeElement?.dataset.act === 'remove');
    // Deleted from the keyboard: the focus goes to 撤销, not to the page.
    await page.keyboard.press('Enter');
    assert.deepEqual(await heads(), [c, a]);
    await page.waitForFunction(() => document.activeElement?.textContent.trim() === '撤销');
    await kept(page, { count: 2 });
    await page.reload();
    await openPanel(page);
    await items(page).nth(1).waitFor();
    assert.deepEqual(await heads(), [c, a], 'the order is kept');
    assert.deepEqual(log.errors, []);
  });

  test('exported as Markdown, text and a Word file holding the passages, notes and citations', async () => {
    const { page, log } = await reader.open('');
    await addSection(page, '篇章一-其一');
    const picked = await addSelection(page, '篇章二-其一', 3, 20);
    await openPanel(page);
    await items(page).nth(1).locator('textarea').fill('可用于开头');
    await items(page).nth(1).locator('textarea').blur();
    const save = async (label) => {
      const [file] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: label }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const md = await save('导出 Markdown（.md）');
    assert.equal(md.name, '摘抄本.md');
    const mdText = md.bytes.toString('utf8');
    assert.ok(mdText.startsWith('# 摘抄本\n\n## 1\n\n> 其一，在“学深悟透”上下苦功。'), mdText.slice(0, 60));
    assert.ok(mdText.includes(`> ${picked}\n\n笔记：可用于开头\n\n*出处：[《${TITLE}》`), mdText);
    assert.ok(mdText.includes(`(<${reader.url}#%E7%AF%87%E7%AB%A0%E4%BA%8C-%E5%85%B6%E4%B8%80>)*`) || mdText.includes(`(<${reader.url}#篇章二-其一>)*`), mdText);
    const txt = await save('导出纯文本（.txt）');
    assert.deepEqual([...txt.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
    assert.ok(txt.bytes.toString('utf8').includes(`2.\r\n\r\n${picked}\r\n\r\n笔记：可用于开头\r\n\r\n出处：《${TITLE}》`));

    const word = await save('导出 Word（.docx）');
    assert.equal(word.name, '摘抄本.docx');
    const files = unzip(word.bytes);
    assert.ok(files['[Content_Types].xml'] && files['_rels/.rels']);
    const xml = files['word/document.xml'].toString('utf8');
    assert.ok(xml.includes(`>${picked}</w:t>`), 'the selected passage');
    assert.ok(xml.includes('>其一，在“学深悟透”上下苦功。最初接触理论学习'), 'the whole sub-section');
    assert.ok(xml.includes('>笔记：可用于开头</w:t>'), 'the note');
    assert.ok(xml.includes(`>出处：《${TITLE}》 · 篇章二：以人为本，提升思想疏导的温度与精度 · 其一，学会“倾听”，方能“理解”。 ${reader.url}#`), 'the citation');
    assert.deepEqual(log.errors, []);
  });

  test('after the text changes, an excerpt it no longer holds says 原文已改动 and is kept', async () => {
    const { page } = await reader.open('');
    await addSection(page, '篇章一-其二');
    await addSelection(page, '篇章二-其一', 3, 20);
    await kept(page, { count: 2 });
    // As if the collection had been rebuilt with the first passage rewritten
    // and the second moved: the kept quotes are edited in the browser's store.
    await page.evaluate(async () => {
      const db = await new Promise((ok, no) => {
        const r = indexedDB.open('wenji');
        r.onsuccess = () => ok(r.result);
        r.onerror = no;
      });
      const store = () => db.transaction('notebook', 'readwrite').objectStore('notebook');
      const text = await new Promise((ok) => {
        const r = store().get('notebook');
        r.onsuccess = () => ok(r.result);
      });
      const lines = text.split('\n');
      lines[1] = lines[1].replace(/\t其二，在“转化运用”上求实效。[^\t]*/, '\t这段话已经被改写，原文里不再有。');
      // Its context no longer matches: the words alone find it again.
      lines[2] = lines[2].replace(/\t[^\t]*\t([^\t]*)\t[^\t]*$/, '\t别的上文\t$1\t');
      await new Promise((ok) => {
        const r = store().put(lines.join('\n'), 'notebook');
        r.onsuccess = ok;
      });
    });
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await openPanel(page);
    await items(page).nth(1).waitFor();
    assert.equal(await items(page).count(), 2, 'never silently lost');
    assert.equal(await items(page).nth(0).locator('.excerpt-changed').textContent(), '原文已改动');
    assert.equal(await items(page).nth(1).locator('.excerpt-changed').count(), 0);
    await page.waitForFunction(() => CSS.highlights.get('wenji-excerpt')?.size === 1);
  });

  test('the single file from file:// keeps a notebook and writes its Word file, within its policy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wenji-single-'));
    await copyFile('dist/wenji.html', join(dir, 'wenji.html'));
    const { page, log } = await reader.page();
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    });
    await page.goto(pathToFileURL(join(dir, 'wenji.html')).href);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    const picked = await addSelection(page, '篇章二-其一', 3, 20);
    await openPanel(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: '导出 Word（.docx）' }).click(),
    ]);
    const xml = unzip(await readFile(await file.path()))['word/document.xml'].toString('utf8');
    assert.ok(xml.includes(`>${picked}</w:t>`));
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(log.errors, []);
  });

  test('offline before the Word writer was ever fetched: the reader is told, Markdown still exports', async () => {
    const { page, context } = await reader.page();
    // A visit that went offline before the page asked for the writer.
    await page.addInitScript(NEVER_PRECACHE);
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await addSection(page, '篇章一-其一');
    await openPanel(page);
    await context.setOffline(true);
    await panel(page).getByRole('button', { name: '导出 Word（.docx）' }).click();
    await page.locator('.notice').filter({ hasText: '第一次导出 Word 需要联网' }).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: '导出 Markdown（.md）' }).click(),
    ]);
    assert.ok((await readFile(await file.path(), 'utf8')).includes('> 其一，在“学深悟透”上下苦功。'));
  });

  test('where the browser keeps nothing, the notebook lasts for the visit and says so', async () => {
    const { page } = await reader.page();
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    await page.goto(reader.url);
    await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await addSection(page, '篇章一-其一');
    await openPanel(page);
    await panel(page).getByText('此浏览器不允许本地保存：摘抄只保留到关闭页面为止。').waitFor();
    assert.equal(await items(page).count(), 1);
  });
});
