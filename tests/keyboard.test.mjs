// Keyboard shortcuts and their help overlay.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { foldControl, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();
/** The reader in a window where the outline stands beside the text. */
const openWide = () => reader.open('', { viewport: { width: 1000, height: 700 } });

const expanded = (page) =>
  page.$$eval('button.fold', (bs) => bs.map((b) => b.getAttribute('aria-expanded')));
const focusedPart = (page) =>
  page.evaluate(() => document.activeElement.closest('section.part')?.id ?? null);

describe('keyboard', () => {
  test('? opens the list of shortcuts, Esc closes it', async () => {
    const { page, context, log } = await openWide();
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    assert.equal(await dialog.isVisible(), false);
    await page.keyboard.press('?');
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    for (const k of ['/', 'Esc', 'Enter', 'Shift + Enter', '[', ']', 'e', 'c', '?']) assert.ok(keys.includes(k), k);
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.ok(await page.evaluate(() => document.activeElement.closest('[role=dialog]') !== null), 'focus is in the dialog');
    // Other shortcuts wait while the help is open.
    await page.keyboard.press('c');
    assert.deepEqual(await expanded(page), Array(12).fill('true'));
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('c collapses all, e expands all', async () => {
    const { page, context } = await openWide();
    await page.keyboard.press('c');
    await page.waitForFunction(() => [...document.querySelectorAll('button.fold')].every((b) => b.getAttribute('aria-expanded') === 'false'));
    await page.keyboard.press('e');
    await page.waitForFunction(() => [...document.querySelectorAll('button.fold')].every((b) => b.getAttribute('aria-expanded') === 'true'));
    await context.close();
  });

  test('] and [ move between parts', async () => {
    const { page, context } = await openWide();
    await page.keyboard.press(']');
    assert.equal(await focusedPart(page), '引言');
    await page.keyboard.press(']');
    assert.equal(await focusedPart(page), '篇章一');
    await page.keyboard.press(']');
    assert.equal(await focusedPart(page), '篇章二');
    await page.keyboard.press('[');
    assert.equal(await focusedPart(page), '篇章一');
    // The focused control works from the keyboard as usual.
    await page.keyboard.press('Enter');
    assert.equal(await foldControl(page, '篇章一').getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('Esc in an empty search box leaves it, and the page keys work again', async () => {
    const { page } = await openWide();
    const inBox = () => page.evaluate(() => document.activeElement?.getAttribute('type') === 'search');
    await page.keyboard.press('/');
    assert.ok(await inBox());
    await page.keyboard.type('理论');
    // The first Esc clears, the second leaves the box.
    await page.keyboard.press('Escape');
    assert.equal(await searchBox(page).inputValue(), '');
    assert.ok(await inBox(), 'clearing keeps the box focused');
    await page.keyboard.press('Escape');
    assert.equal(await inBox(), false);
    await page.keyboard.press('c');
    await page.waitForFunction(() => [...document.querySelectorAll('button.fold')].every((b) => b.getAttribute('aria-expanded') === 'false'));
    assert.equal(await searchBox(page).inputValue(), '', 'the keys went to the page, not the box');
    // The help says so.
    await page.keyboard.press('?');
    assert.match(await page.getByRole('dialog').textContent(), /搜索框已空时离开搜索框/);
  });

  test('shortcut keys typed in the search box are text', async () => {
    const { page, context } = await openWide();
    await searchBox(page).focus();
    await page.keyboard.type('ec[]?/');
    assert.equal(await searchBox(page).inputValue(), 'ec[]?/');
    assert.deepEqual(await expanded(page), Array(12).fill('true'));
    assert.equal(await page.getByRole('dialog').isVisible(), false);
    await context.close();
  });
});
