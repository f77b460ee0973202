// A malformed content file stops the build with its file, line and cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the build fails on malformed content, naming file, line and cause', () => {
  const run = spawnSync('cargo', ['check', '-p', 'wenji', '--quiet'], {
    env: { ...process.env, WENJI_CONTENT_DIR: 'tests/fixtures/collection-broken' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.notEqual(run.status, 0, 'the build must fail');
  assert.match(
    run.stderr,
    /tests\/fixtures\/collection-broken\/broken\.md:12: a `###` sub-section before any `##` part/,
  );
  // The good file beside it is not blamed.
  assert.doesNotMatch(run.stderr, /jiceng\.md:\d+/);
});
