// A minimal W3C WebDriver client (enough for a smoke test), to drive Firefox
// ESR through geckodriver: Playwright's Firefox needs a browser build of its
// own that cannot be downloaded here.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Start geckodriver and a headless Firefox session. */
export async function firefox({ binary = '/usr/bin/firefox-esr' } = {}) {
  const port = await freePort();
  const driver = spawn(process.env.GECKODRIVER ?? 'geckodriver', ['--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error} ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch {
      if (i > 100) throw new Error('geckodriver did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary,
          args: ['-headless'],
          // The machine has no network beyond its registries: keep Firefox
          // from reaching out on its own.
          prefs: {
            'app.update.enabled': false,
            'browser.safebrowsing.downloads.remote.enabled': false,
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'datareporting.healthreport.uploadEnabled': false,
            'toolkit.telemetry.enabled': false,
          },
        },
      },
    },
  });
  const sid = session.sessionId;
  const s = (path) => `/session/${sid}${path}`;
  const api = {
    browserVersion: session.capabilities.browserVersion,
    goto: (url) => call('POST', s('/url'), { url }),
    run: (script, ...args) => call('POST', s('/execute/sync'), { script, args }),
    find: async (css) => (await call('POST', s('/element'), { using: 'css selector', value: css }))[ELEMENT],
    click: async (css) => call('POST', s(`/element/${await api.find(css)}/click`), {}),
    type: async (css, text) => call('POST', s(`/element/${await api.find(css)}/value`), { text }),
    /** Poll `script` until it returns a truthy value. */
    until: async (script, timeout = 15000) => {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await api.run(script);
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    quit: async () => {
      try {
        await call('DELETE', s(''));
      } finally {
        driver.kill();
      }
    },
  };
  return api;
}
