// Content is never handed to the page as HTML: no source file of the app
// uses an HTML sink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SINKS = [/inner_html/, /innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /\.html\(/];

async function* files(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(rs|js|mjs|html)$/.test(e.name)) yield p;
  }
}

test('no HTML sink in the app, its crates, public/ or index.html', async () => {
  const offenders = [];
  let scanned = 0;
  for (const root of ['src', 'crates', 'public']) {
    for await (const f of files(root)) {
      if (f.includes(`${join('tests', 'fixtures')}`)) continue;
      scanned++;
      const text = await readFile(f, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (SINKS.some((s) => s.test(line))) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  const index = await readFile('index.html', 'utf8');
  if (SINKS.some((s) => s.test(index))) offenders.push('index.html');
  assert.ok(scanned > 20, `scanned ${scanned} files`);
  assert.deepEqual(offenders, []);
});
