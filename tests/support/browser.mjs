// Debian's Chromium driven by playwright-core, with the flags this machine
// needs, and a page that records console errors and every request.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A new page that keeps what happens in it: `log.errors` (console errors
 * and page errors), `log.requests`; and `messages` (every console message)
 * and `dialogs` (every dialog, dismissed).
 */
export async function recordedPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  const messages = [];
  const dialogs = [];
  page.on('console', (m) => {
    messages.push(m.text());
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return { context, page, log, messages, dialogs };
}

/** Wait until the app has mounted its content. */
export async function ready(page) {
  await page.waitForSelector('main', { timeout: 15000 });
}

/**
 * Hold back the page's wasm until the returned function is called: what
 * shows meanwhile is the static page alone.
 */
export async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Open `url` with the wasm held back, mark the static nodes `selector`
 * finds, then let the app take over: returns how many marked nodes the
 * page still has (a mark survives only on a node the app adopted).
 */
export async function adoptedNodes(page, url, selector) {
  const release = await holdWasm(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(selector);
  await page.$$eval(selector, (els) => els.forEach((e) => (e.dataset.probe = 'static')));
  release();
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  return page.$$eval(selector, (els) => els.filter((e) => e.dataset.probe === 'static').length);
}

/** A page option that lets the page read and write the clipboard. */
export const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** What the clipboard holds: `{ plain, html }` (html '' when it has none). */
export async function readClipboard(page) {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
    return { plain: await read('text/plain'), html: await read('text/html') };
  });
}
