import { launch } from './support/browser.mjs';
import { serve } from './support/serve.mjs';
const server = await serve('dist');
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push([Math.round(e.startTime), e.size, e.element?.tagName, e.element?.className, (e.element?.textContent ?? '').slice(0, 30)]); }).observe({ type: 'largest-contentful-paint', buffered: true });
});
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
await page.waitForTimeout(1000);
console.log(await page.evaluate(() => ({ lcp: window.__lcp, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, inter: performance.getEntriesByName('wenji-interactive')[0]?.startTime })));
await browser.close(); await server.close();
