import { launch, recordedPage, ready } from './support/browser.mjs';
import { serve } from './support/serve.mjs';
import { docx } from './support/docx.mjs';
const server = await serve('dist');
const browser = await launch();
const { page, log } = await recordedPage(browser);
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('worker', (w) => { console.log('worker', w.url()); w.on('console', (m) => console.log('wconsole', m.text().slice(0,300))); });
await page.goto(server.url);
await ready(page);
await page.getByRole('button', { name: '打开文件' }).click();
const paragraphs = [];
for (let c = 0; c < Number(process.argv[2] ?? 40); c++) { paragraphs.push(['Heading1', `第${c + 1}章 学习体会`]); for (let s = 0; s < 6; s++) { paragraphs.push(['Heading2', `（${'一二三四五六'[s]}）在实践中深化认识`]); for (let p = 0; p < 4; p++) paragraphs.push([null, '政工工作是生命线。'.repeat(20)]); } }
const t = Date.now();
await page.setInputFiles('#file-input', [{ name: 'big.docx', mimeType: 'application/octet-stream', buffer: docx(paragraphs, '大文件') }]);
await page.waitForFunction(() => document.title.startsWith('大文件') || document.querySelector('.file-problems p'), null, { timeout: 60000 }).catch((e) => console.log('timeout'));
console.log('ms', Date.now() - t, await page.title(), await page.locator('.file-problems').innerText().catch(() => ''));
console.log('errors', log.errors);
await browser.close(); await server.close();
