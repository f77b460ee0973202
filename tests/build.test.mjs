// A malformed content file stops the build with its file, line and cause;
// what has one sensible reading builds, with a warning that says how it was
// read and what to write instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the build fails on malformed content, naming file, line and cause', () => {
  const run = spawnSync('cargo', ['check', '-p', 'wenji', '--quiet'], {
    env: { ...process.env, WENJI_CONTENT_DIR: 'tests/fixtures/collection-broken' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.notEqual(run.status, 0, 'the build must fail');
  assert.match(
    run.stderr,
    /tests\/fixtures\/collection-broken\/broken\.md:16: two parts have the same title `引言` \(also on line 12\): their links would be one; rename one of them/,
  );
  // The good file beside it is not blamed.
  assert.doesNotMatch(run.stderr, /jiceng\.md:\d+/);
});

test('content with one sensible reading builds, with a warning naming file, line and what to write', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wenji-warned-'));
  await copyFile('tests/fixtures/collection-broken/jiceng.md', join(dir, 'jiceng.md'));
  await writeFile(join(dir, 'notes.md'), '开头的话。\n\n## 一、学习\n\n#### 细则\n\n正文。\n');
  const run = spawnSync('cargo', ['check', '-p', 'wenji'], {
    env: { ...process.env, WENJI_CONTENT_DIR: dir },
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /notes\.md:1: text before the first `##` part: it is read as a part titled 正文; write a `## …` heading/);
  assert.match(run.stderr, /notes\.md:5: a heading of 4 `#` is deeper than the reader shows: it is read as a lead-in line; write `###`/);
  assert.doesNotMatch(run.stderr, /jiceng\.md:\d+/);
});
