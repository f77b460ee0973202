// The moments a reader waits for, on a phone and on a desktop (figures, not
// a test): `node scripts/bench-phone.mjs` over the release build in dist/.
// The phone profile is a 360 px touch screen with the CPU slowed down four
// times (Chromium's DevTools throttling), as a mid-range phone; the desktop
// is 1366 px at full speed. For each: the keys of a pinyin query
// (keystroke to painted, as bench-scale measures it, against the measure's
// floor under the same profile), switching the theme, opening 显示 and 摘抄
// the first time, and the first .docx opened (picked to its title shown),
// each the median of RUNS fresh pages; and whether the address changed on
// every key (it should change once the typing pauses, not per key).
import { docx } from '../tests/support/docx.mjs';
import { launch } from '../tests/support/browser.mjs';
import { serve } from '../tests/support/serve.mjs';
import { floor, median, ms, pct, PROBE, slowDown } from './bench-keys.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
/** The time a person takes to pick a file once 打开文件 is open. */
const CHOOSING_MS = 1500;
const PINYIN = { label: 'pinyin zhigong', keys: [...'zhigong'] };
const ALL_PROFILES = [
  { name: 'phone (360 px, 4× slower CPU)', cpu: 4, context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  { name: 'desktop (1366 px)', cpu: 1, context: { viewport: { width: 1366, height: 800 } } },
];
/** `PROFILE=phone` (or `desktop`) measures that one alone. */
const PROFILES = ALL_PROFILES.filter((p) => !process.env.PROFILE || p.name.startsWith(process.env.PROFILE));
const DOCX = docx(
  [
    ['Heading1', '一、学习体会'],
    [null, '政工工作的对象是人，核心是做人的工作。'.repeat(20)],
    ['Heading1', '二、下一步打算'],
    [null, '坚持以人为本，把思想政治工作做到职工心坎上。'.repeat(20)],
  ],
  '述职报告',
);

/** In the page: run `act`, then wait until `done()` holds and the next
 *  frame is painted; the milliseconds that took. */
const TIMED = () => {
  window.__timed = async (act, done) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    act();
    for (let i = 0; i < 600 && !done(); i++) await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 0));
    return done() ? performance.now() - t0 : NaN;
  };
};

const button = (name) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '${name}' && b.offsetParent)`;

async function fresh(browser, url, profile) {
  const context = await browser.newContext({ ...profile.context, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(TIMED);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  await page.waitForLoadState('networkidle');
  if (profile.cpu !== 1) await slowDown(page, profile.cpu);
  return { context, page };
}

/** Milliseconds from `act` (a script) to `done` (an expression) painted. */
const timed = (page, act, done) =>
  page.evaluate(`window.__timed(() => { ${act} }, () => ${done})`);

async function measure(browser, url, profile) {
  const keys = [];
  const longest = [];
  const addresses = [];
  const figures = { theme: [], display: [], notebook: [], docx: [] };
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await fresh(browser, url, profile);
    await page.evaluate(PROBE);
    await page.evaluate(() => {
      window.__addresses = 0;
      for (const name of ['replaceState', 'pushState']) {
        const real = history[name].bind(history);
        history[name] = (...args) => {
          window.__addresses++;
          return real(...args);
        };
      }
    });
    await page.focus('#search');
    for (const k of PINYIN.keys) {
      await page.keyboard.insertText(k);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(1000);
    const typed = await page.evaluate(() => ({ lat: window.__lat, long: window.__long, addresses: window.__addresses }));
    keys.push(...typed.lat);
    longest.push(Math.max(0, ...typed.long));
    addresses.push(typed.addresses);
    await page.fill('#search', '');
    await page.waitForTimeout(500);

    figures.display.push(await timed(page, `${button('显示')}.click()`, `document.getElementById('display-panel')`));
    figures.theme.push(
      await timed(
        page,
        `[...document.querySelectorAll('#display-panel label')].find((l) => l.textContent.includes('深色')).click()`,
        `document.documentElement.dataset.theme === 'dark'`,
      ),
    );
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    figures.notebook.push(await timed(page, `${button('摘抄')}.click()`, `document.getElementById('notebook-panel')`));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);

    const panel = page.locator('#files-panel');
    if (!(await panel.isVisible())) await page.getByRole('button', { name: '打开文件' }).first().click();
    await panel.waitFor();
    // A person takes a moment in the file chooser.
    await page.waitForTimeout(CHOOSING_MS);
    const t0 = Date.now();
    await page.setInputFiles('#file-input', [{ name: '述职报告.docx', mimeType: 'application/octet-stream', buffer: DOCX }]);
    await page.waitForFunction(() => document.title.startsWith('述职报告'), null, { timeout: 30_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    figures.docx.push(Date.now() - t0);
    await context.close();
  }
  const bare = await floor(browser, [PINYIN], { cpuSlowdown: profile.cpu, viewport: profile.context.viewport });
  return { keys, longest, addresses, figures, bare };
}

const server = await serve('dist');
const browser = await launch();
for (const profile of PROFILES) {
  const r = await measure(browser, server.url, profile);
  console.log(`\n## ${profile.name}, median of ${RUNS} fresh pages`);
  console.log(
    `  ${PINYIN.label} keystroke to painted: p50 ${ms(median(r.keys))}, p95 ${ms(pct(r.keys, 95))}, ` +
      `max ${ms(Math.max(...r.keys))}; longest task ${ms(median(r.longest))}`,
  );
  // Which key is slow: each key's median over the runs (z, zh, zhi, …).
  const n = PINYIN.keys.length;
  const perKey = PINYIN.keys.map((_, i) => {
    const typed = PINYIN.keys.slice(0, i + 1).join('');
    return `${typed} ${ms(median(r.keys.filter((_, j) => j % n === i)))}`;
  });
  console.log(`  each key, median: ${perKey.join(', ')}`);
  console.log(
    `  the measure's floor (bare input, same profile): p50 ${ms(median(r.bare))}, p95 ${ms(pct(r.bare, 95))}, max ${ms(Math.max(...r.bare))}`,
  );
  console.log(`  address changes while typing ${PINYIN.keys.length} keys: ${r.addresses.join(', ')}`);
  console.log(`  显示 opened the first time     ${ms(median(r.figures.display))}`);
  console.log(`  theme switched to 深色         ${ms(median(r.figures.theme))}`);
  console.log(`  摘抄 opened the first time     ${ms(median(r.figures.notebook))}`);
  console.log(`  first .docx picked to shown    ${ms(median(r.figures.docx))}`);
}
await browser.close();
await server.close();
