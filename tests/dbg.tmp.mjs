import { serve } from './support/serve.mjs';
import { launch } from './support/browser.mjs';
const server = await serve('dist'); const browser = await launch();
const rows = [];
for (let i = 0; i < 12; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('wenji-interactive').length > 0);
  rows.push(await page.evaluate(() => {
    const r = (n) => performance.getEntriesByType('resource').find((e) => e.name.includes(n));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    return { html: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), fcp: Math.round(fcp), wasm: Math.round(r('.wasm').responseEnd), js: Math.round(r('.js').responseEnd), inter: Math.round(performance.getEntriesByName('wenji-interactive')[0].startTime) };
  }));
  await context.close();
}
console.table(rows);
await browser.close(); await server.close();
