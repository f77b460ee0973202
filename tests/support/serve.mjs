// A static file server for dist/, bound to 127.0.0.1 only. Used by README
// command 1 and by the browser tests (which may mount it under a sub-path).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** `file`'s `.br` or `.gz` copy if `accepted` takes it and it exists, else the file. */
async function precompressed(file, accepted) {
  const takes = (coding) => accepted.split(',').some((c) => c.trim().split(';')[0] === coding);
  for (const [coding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!takes(coding)) continue;
    try {
      return [await readFile(file + ext), coding];
    } catch {
      // No copy of this file: try the next, or send it as it is.
    }
  }
  return [await readFile(file), null];
}

/**
 * Serve `root` at http://127.0.0.1:`port``prefix`; port 0 picks a free one.
 * `onRequest(path)` hears of every request (tests count downloads with it).
 */
export async function serve(root, { port = 0, prefix = '/', onRequest } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    onRequest?.(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // The build's precompressed copy, when the browser takes it: what a
      // host that serves precompressed files sends.
      const [body, encoding] = await precompressed(file, req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

// Run as a program: node tests/support/serve.mjs DIR PORT
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`serving ${root}/ at ${url} (Ctrl+C stops)`);
}
