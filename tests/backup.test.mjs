// 备份与恢复: the notebook (excerpts, notes, order) and the opened files
// written to one file, restored into a fresh browser with every excerpt,
// note and file back, merged without duplicates; a broken or newer backup
// changes nothing and says why.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openPanel, readerSuite } from './support/suite.mjs';
import { docx } from './support/docx.mjs';

const reader = readerSuite();

const TEXT = '基层调研报告\n\n第一章 调研背景\n本次调研走访了十个支部。\n第二章 调研发现\n发现问题三项。\n';
const WORD = docx(
  [
    ['Heading1', '一、学习体会'],
    [null, '学习是第一要务。'],
  ],
  '我的学习心得',
);

const notebookPanel = (page) => openPanel(page, '摘抄', 'notebook-panel');
const filesPanel = (page) => openPanel(page, '打开文件', 'files-panel');
const items = (page) => page.locator('#notebook-panel .excerpt');
const notice = (page, text) => page.locator('.notice').filter({ hasText: text }).waitFor();
const quotes = (page) => items(page).locator('.excerpt-quote').allInnerTexts();
const fileNames = async (page) => (await filesPanel(page)).locator('.opened-file a').allTextContents();

/** Pick `path` (a backup) with 恢复… in the notebook panel. */
async function restore(page, path) {
  const panel = await notebookPanel(page);
  await panel.getByLabel('恢复…').setInputFiles(path);
}

describe('备份与恢复', () => {
  test('a backup restored in a fresh browser brings back every excerpt with its note and order, and every file', async () => {
    const { page, log } = await reader.open('');
    for (const id of ['篇章一-其一', '篇章二-其一']) {
      await page.getByRole('button', { name: `加入摘抄：${id}`, exact: true }).click();
      await notice(page, '已加入摘抄本');
    }
    let panel = await notebookPanel(page);
    await items(page).nth(1).locator('textarea').fill('开头可引用这一句。');
    await items(page).nth(1).locator('textarea').blur();
    // The reader's own order: the second first.
    await items(page).nth(1).getByRole('button', { name: /^上移/ }).click();
    const order = await quotes(page);
    assert.ok(order[0].startsWith('其一，学会“倾听”'), order[0]);

    // Two files of one's own.
    await (await filesPanel(page)).locator('#file-input').setInputFiles([
      { name: '调研.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
      { name: '学习心得.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(WORD) },
    ]);
    await page.waitForFunction(() => document.title === '我的学习心得 · 文集');

    panel = await notebookPanel(page);
    // The browser answers whether it keeps them a moment after the panel opens.
    const said = panel.locator('.backup-lasting').filter({ hasText: /\S/ });
    await said.waitFor();
    const lasting = await said.textContent();
    assert.match(lasting, /长期保存|备份文件才是可靠的副本/, 'the panel says whether the browser keeps them');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '备份', exact: true }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^文集备份-\d{4}-\d{2}-\d{2}\.wenji$/);
    await notice(page, '已备份 2 条摘抄、2 个文件');
    const path = join(await mkdtemp(join(tmpdir(), 'wenji-backup-')), download.suggestedFilename());
    await download.saveAs(path);

    // A fresh browser (nothing kept): everything comes back.
    const fresh = await reader.open('');
    assert.equal(await items(fresh.page).count(), 0);
    await restore(fresh.page, path);
    await notice(fresh.page, '恢复了 2 条摘抄、2 个文件');
    assert.deepEqual(await quotes(fresh.page), order);
    assert.equal(await items(fresh.page).nth(0).locator('textarea').inputValue(), '开头可引用这一句。');
    assert.deepEqual((await fileNames(fresh.page)).sort(), ['学习心得.docx', '调研.txt']);

    // Restored twice: nothing twice.
    await restore(fresh.page, path);
    await notice(fresh.page, '恢复了 0 条摘抄、0 个文件');
    assert.equal(await items(fresh.page).count(), 2);
    assert.equal((await fileNames(fresh.page)).length, 2);

    // Kept in the fresh browser: a reload still has them.
    await fresh.page.reload();
    await fresh.page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
    await notebookPanel(fresh.page);
    await items(fresh.page).nth(1).waitFor();
    assert.deepEqual(await quotes(fresh.page), order);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(fresh.log.errors, []);
  });

  test('a broken, newer or foreign backup changes nothing and says why', async () => {
    const { page, log } = await reader.open('');
    await page.getByRole('button', { name: '加入摘抄：篇章一-其一', exact: true }).click();
    await notice(page, '已加入摘抄本');
    const panel = await notebookPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '备份', exact: true }).click(),
    ]);
    const good = await readFile(await download.path(), 'utf8');
    const dir = await mkdtemp(join(tmpdir(), 'wenji-backup-'));
    const write = async (name, text) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    const before = await quotes(page);

    await restore(page, await write('cut.wenji', good.slice(0, good.length - 9)));
    await notice(page, 'cut.wenji：备份文件已损坏');
    await restore(page, await write('newer.wenji', good.replace('wenji-backup 1', 'wenji-backup 7')));
    await notice(page, 'newer.wenji：这是较新版本的备份');
    await restore(page, await write('other.wenji', 'hello'));
    await notice(page, 'other.wenji：不是文集的备份文件');

    assert.deepEqual(await quotes(page), before, 'the notebook is as it was');
    assert.deepEqual(await fileNames(page), []);
    assert.deepEqual(log.errors, []);
  });
});
