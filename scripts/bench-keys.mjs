// What the keystroke benchmarks share: the page-side probe of each
// keystroke's latency, the measure's floor (a bare input on an empty page),
// a CPU slowdown for the phone profile, and the figures' helpers.

export const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');

/** Page-side probe: records each keystroke's latency and long tasks. */
export const PROBE = () => {
  window.__lat = [];
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener(
    'input',
    (ev) => {
      const t0 = ev.timeStamp;
      // Settled: the search has gone through the whole collection after
      // this input (checked every frame); a later input starts over.
      const id = (window.__inputs = (window.__inputs ?? 0) + 1);
      window.__settled = undefined;
      const check = () => {
        if (id !== window.__inputs) return;
        const p = document.querySelector('.search-progress');
        const s = document.querySelector('#search-status')?.textContent ?? '';
        if ((!p || p.hidden) && s !== '' && !s.startsWith('正在搜索')) window.__settled = performance.now() - t0;
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    },
    true,
  );
};

/** Slow the page's CPU down `rate` times (Chromium's DevTools throttling). */
export async function slowDown(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** The measure's own floor: the same keys typed into a bare input on an
 *  empty page (no app). What is left above it is the app's. */
export async function floor(browser, queries, { cpuSlowdown = 1, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (cpuSlowdown !== 1) await slowDown(page, cpuSlowdown);
  await page.setContent('<!doctype html><html lang="zh-CN"><input id="search">');
  await page.evaluate(PROBE);
  await page.focus('#search');
  const lat = [];
  for (const q of queries) {
    await page.fill('#search', '');
    await page.waitForTimeout(300);
    await page.evaluate(() => (window.__lat = []));
    for (const k of q.keys) {
      await page.keyboard.insertText(k);
      await page.waitForTimeout(120);
    }
    lat.push(...(await page.evaluate(() => window.__lat)));
  }
  await context.close();
  return lat;
}

