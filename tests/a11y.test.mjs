// axe-core (npm) injected into the reader in each state a reader meets it
// in, and in each theme: no violation at all, WCAG 2.1 AA and best practice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { violations } from './support/axe.mjs';
import { frames, openPanel, readerSuite, searchBox } from './support/suite.mjs';

const reader = readerSuite();
const STATES = {
  unfolded: async () => {},
  folded: async (page) => page.getByRole('button', { name: '全部折叠' }).click(),
  filtered: async (page) => {
    await searchBox(page).fill('职工 -理论');
    await page.waitForSelector('main mark');
    await page.getByRole('button', { name: '下一处' }).click();
  },
  'display settings open': async (page) => openPanel(page, '显示', 'display-panel'),
  'export open': async (page) => openPanel(page, '导出', 'export-panel'),
  'help open': async (page) => page.keyboard.press('?'),
  'my files open, a file read and one refused': async (page) => {
    await page.getByRole('button', { name: '打开文件' }).click();
    await page.setInputFiles('#file-input', [
      { name: '心得.txt', mimeType: 'text/plain', buffer: Buffer.from('心得\n\n一、学习\n正文。\n二、实践\n正文。\n') },
      { name: '旧.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
    ]);
    await page.locator('.file-problems p').waitFor();
    await page.locator('.opened-files li').waitFor();
  },
  'related passages open': async (page) => {
    await page.locator('[id="篇章一-其一"] .related-toggle').click();
    await page.locator('[id="篇章一-其一"] .related-text').first().waitFor();
  },
  'the notebook open, with an excerpt': async (page) => {
    await page.getByRole('button', { name: '加入摘抄：篇章一-其一', exact: true }).click();
    await page.getByRole('button', { name: '摘抄', exact: true }).click();
    await page.locator('#notebook-panel .excerpt').waitFor();
  },
  'a copy announced': async (page) => {
    await page.getByRole('button', { name: '复制链接：篇章一', exact: true }).click();
    await page.locator('.notice').filter({ hasText: '已复制' }).waitFor();
  },
};

for (const theme of ['light', 'dark', 'sepia']) {
  describe(`axe, ${theme} theme`, () => {
    const options = { colorScheme: theme === 'dark' ? 'dark' : 'light', permissions: ['clipboard-write'] };
    async function openInTheme(viewport) {
      const rec = await reader.open('', { ...options, viewport });
      if (theme === 'sepia') {
        await rec.page.getByRole('button', { name: '显示' }).click();
        await rec.page.getByLabel('护眼').check();
        await rec.page.getByRole('button', { name: '显示' }).click();
      }
      return rec;
    }

    for (const [state, reach] of Object.entries(STATES)) {
      test(state, async () => {
        const { page, context } = await openInTheme({ width: 1280, height: 800 });
        await reach(page);
        await frames(page);
        assert.deepEqual(await violations(page), []);
        await context.close();
      });
    }

    test('the quiet copy buttons keep 3:1 against the page (non-text contrast)', async () => {
      const { page, context } = await openInTheme({ width: 1280, height: 800 });
      const ratio = await page.$eval('.act', (button) => {
        const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
        const style = getComputedStyle(button);
        const fg = rgb(style.color);
        const bg = rgb(getComputedStyle(document.body).backgroundColor);
        const a = Number(style.opacity);
        const seen = fg.map((c, i) => a * c + (1 - a) * bg[i]);
        const lum = (c) => {
          const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      });
      assert.ok(ratio >= 3, `contrast ${ratio.toFixed(2)}`);
      await context.close();
    });

    test('outline open on a phone', async () => {
      const { page, context } = await openInTheme({ width: 360, height: 740 });
      await page.getByRole('button', { name: '目录' }).click();
      await frames(page);
      assert.deepEqual(await violations(page), []);
      await context.close();
    });
  });
}

describe('the harness', () => {
  test('axe does see planted faults (so zero above means something)', async () => {
    const { page, context } = await reader.open('');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '看不清的字';
      p.style.color = '#eeeeee';
      document.querySelector('article').append(p, document.createElement('button'));
    });
    const found = (await violations(page)).map((v) => v.split(':')[0]);
    assert.ok(found.includes('color-contrast') && found.includes('button-name'), found.join(', '));
    await context.close();
  });
});

describe('semantics', () => {
  test('one h1, parts as h2, sub-sections as h3, landmarks, labelled controls', async () => {
    const { page, context } = await reader.open('');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('main h2').count(), 5);
    assert.equal(await page.locator('main h3').count(), 7);
    for (const role of ['banner', 'navigation', 'main', 'search']) {
      assert.equal(await page.getByRole(role).count(), 1, role);
    }
    const unlabelled = await page.$$eval('button', (bs) =>
      bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent.trim() || document.getElementById(b.getAttribute('aria-labelledby') ?? '')?.textContent.trim())).length,
    );
    assert.equal(unlabelled, 0);
    // A fold control is named by its heading's text, which stands beside it.
    assert.equal(
      await page.getByRole('button', { name: '其一，在“学深悟透”上下苦功。', exact: true }).getAttribute('aria-expanded'),
      'true',
    );
    // Every fold control is a disclosure button for the region it shows.
    const broken = await page.$$eval('button.fold', (bs) =>
      bs.filter((b) => !b.hasAttribute('aria-expanded') || !document.getElementById(b.getAttribute('aria-controls'))).length,
    );
    assert.equal(broken, 0);
    await context.close();
  });
});
