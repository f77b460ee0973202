// A small W3C WebDriver client, to drive the engines Playwright cannot
// here (it needs browser builds of its own that cannot be downloaded):
// Firefox ESR through geckodriver, and WebKit (WebKitGTK, Safari's engine)
// through Debian's WebKitWebDriver and its MiniBrowser on a virtual X
// display (Xvfb). One client, so that one list of checks runs in both
// (tests/engines.test.mjs).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** Longer than any page load or script the tests wait for. */
const CALL_TIMEOUT_MS = 60_000;

/** The engines the suite drives, each with how to start it. */
export const ENGINES = {
  firefox: {
    name: 'Firefox ESR',
    start: startFirefox,
  },
  webkit: {
    name: 'WebKitGTK',
    start: startWebKit,
  },
  // WPE WebKit 2.38 (Debian's wpewebkit-driver and cog, headless): as old
  // as Safari 16, the oldest the README claims. Driven by the benchmark of
  // the engines (scripts/bench-engines.mjs), not by the tests.
  wpe: {
    name: 'WPE WebKit',
    start: startWpe,
  },
};

/** WebDriver's codes for the keys that are not characters. */
export const KEY = { Escape: '\uE00C', Enter: '\uE007', Alt: '\uE00A', Up: '\uE013', Down: '\uE015' };

async function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Start a driver process on a free port; `children` are killed at the end. */
async function driver(command, args, env = process.env) {
  const port = await freePort();
  const child = spawn(command, [...args(port)], { stdio: 'ignore', env });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function startFirefox() {
  const { child, base } = await driver(process.env.GECKODRIVER ?? 'geckodriver', (port) => [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ]);
  return {
    base,
    children: [child],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
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
  };
}

/** Xvfb on a display it picks itself (`-displayfd`): resolves to `:N`. */
function startXvfb() {
  const x = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    x.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok({ x, display: `:${out.trim()}` });
    });
    x.on('exit', (code) => fail(new Error(`Xvfb exited (${code}): is the package xvfb installed?`)));
  });
}

async function startWebKit() {
  const { x, display } = await startXvfb();
  const env = { ...process.env, DISPLAY: display };
  const { child, base } = await driver('WebKitWebDriver', (port) => [`--port=${port}`], env);
  return {
    base,
    children: [child, x],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  };
}

async function startWpe() {
  const { child, base } = await driver('WPEWebDriver', (port) => [`--port=${port}`]);
  return {
    base,
    children: [child],
    capabilities: {
      'wpe:browserOptions': { binary: 'cog', args: ['--automation', '-P', 'headless'] },
    },
  };
}

/** Start `engine` (a key of ENGINES) and a session in it. */
export async function webdriver(engine) {
  const { base, children, capabilities } = await ENGINES[engine].start();
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A page that hangs (or a browser that crashed) must fail the call,
      // not keep the caller waiting for ever.
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error} ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch {
      if (i > 100) {
        children.forEach((c) => c.kill());
        throw new Error(`the ${engine} driver did not start`);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const sid = session.sessionId;
  const s = (path) => `/session/${sid}${path}`;
  const id = async (target) =>
    typeof target === 'string'
      ? (await call('POST', s('/element'), { using: 'css selector', value: target }))[ELEMENT]
      : target[ELEMENT];
  const api = {
    engine,
    browserVersion: session.capabilities.browserVersion,
    goto: (url) => call('POST', s('/url'), { url }),
    reload: () => call('POST', s('/refresh'), {}),
    /** Run `script` (a function body) in the page; elements come back as references. */
    run: (script, ...args) => call('POST', s('/execute/sync'), { script, args }),
    /** Run `script` with a callback as its last argument (`arguments[arguments.length - 1]`). */
    runAsync: (script, ...args) => call('POST', s('/execute/async'), { script, args }),
    /** A real click (the driver's pointer) on a CSS selector or an element reference. */
    click: async (target) => {
      const el = await id(target);
      // Into the middle of the window first (the driver scrolls it only to
      // an edge, where a sticky bar may stand over it), and until nothing
      // stands over its middle (a panel sliding in).
      await api.until(
        `const e = arguments[0];
         e.scrollIntoView({ block: 'center', inline: 'nearest' });
         const r = e.getBoundingClientRect();
         const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return at !== null && (e === at || e.contains(at));`,
        5000,
        { [ELEMENT]: el },
      ).catch(() => {});
      return call('POST', s(`/element/${el}/click`), {});
    },
    /** The button whose name (label or text) is `name`, as a person finds it. */
    button: async (name) => {
      const el = await api.run(
        `return [...document.querySelectorAll('button, [role=button]')].find((b) =>
           (b.getAttribute('aria-label') ?? b.textContent).trim() === arguments[0] && b.getClientRects().length > 0)`,
        name,
      );
      if (!el) throw new Error(`no button named ${name}`);
      return el;
    },
    clickButton: async (name) => api.click(await api.button(name)),
    /** Type into a field (or give a file input its file's path). */
    type: async (target, text) => call('POST', s(`/element/${await id(target)}/value`), { text }),
    /** Press keys as the keyboard does, on whatever has the focus: `press(KEY.Escape)`, `press('/')`. */
    press: async (...keys) => {
      const down = keys.map((value) => ({ type: 'keyDown', value }));
      const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
      await call('POST', s('/actions'), { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
      await call('DELETE', s('/actions'));
    },
    /** Run what follows in the frame `element` (a reference), or back in the page (`null`). */
    frame: (element) => call('POST', s('/frame'), { id: element }),
    /** Set the window's size; resolves to the viewport it gave ([innerWidth, innerHeight]). */
    resize: async (width, height) => {
      await call('POST', s('/window/rect'), { width, height });
      return api.run('return [innerWidth, innerHeight]');
    },
    /** Poll `script` until it returns a truthy value: the value, or null once `timeout` ms are up. */
    poll: async (script, timeout = 15000, ...args) => {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await api.run(script, ...args);
        if (v) return v;
        if (Date.now() > end) return null;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** `poll`, a timeout an error. */
    until: async (script, timeout = 15000, ...args) => {
      const v = await api.poll(script, timeout, ...args);
      if (!v) throw new Error(`${engine}: timed out waiting for: ${script}`);
      return v;
    },
    quit: async () => {
      try {
        await call('DELETE', s(''));
      } finally {
        children.forEach((c) => c.kill());
      }
    },
  };
  return api;
}
