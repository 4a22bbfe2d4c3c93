// A small static server for end-to-end tests: serves dist/ both at / and under a sub-path,
// with the strict Content-Security-Policy as a response header, like a real intranet host.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
export const SUB_PATH = '/intranet/utbildning/trygg/';
/** The test LMS page of `scorm.test.mjs` and scorm-again's runtime, beside the course. */
export const LMS_PATH = '/lms/';
const LMS_FILES = {
  'index.html': new URL('./lms/index.html', import.meta.url),
  'scorm-again.js': new URL('../../node_modules/scorm-again/dist/scorm-again.js', import.meta.url),
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.woff2': 'font/woff2',
  '.md': 'text/plain; charset=utf-8',
};

/** Starts the server on a free port; resolves to { url, subUrl, close, blocked, sent }. With
 *  `gzip`, text and wasm are sent compressed to clients that accept it, as a production
 *  host would (the load benchmark uses this; the tests do not need it). `types` overrides
 *  content types by file name or extension, as hosts that get them wrong do (Moodle serves `.wasm` as
 *  `application/octet-stream`). */
export async function startServer(root, { subPath = SUB_PATH, gzip = false, types = {} } = {}) {
  const blocked = new Set(); // paths to answer with 500, to test failure pages
  const sent = { requests: 0, bytes: 0 }; // bodies sent, for the load benchmark
  const server = http.createServer(async (req, res) => {
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      sent.requests += 1;
      if (body) sent.bytes += Buffer.byteLength(body);
      return end(body, ...rest);
    };
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    const lmsFile = rel.startsWith(LMS_PATH) && LMS_FILES[rel.slice(LMS_PATH.length)];
    if (lmsFile) {
      const body = await readFile(lmsFile).catch(() => null);
      res.writeHead(body ? 200 : 404, { 'content-type': TYPES[path.extname(rel)], 'cache-control': 'no-cache' });
      res.end(body || 'not found');
      return;
    }
    if (rel.startsWith(subPath)) rel = '/' + rel.slice(subPath.length);
    else if (rel + '/' === subPath) { res.writeHead(301, { location: subPath }); res.end(); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.resolve(root)) || [...blocked].some((b) => rel.endsWith(b))) {
      res.writeHead(500, { 'content-security-policy': CSP }); res.end('blocked'); return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
      const headers = {
        'content-type': types[path.basename(file)] || types[path.extname(file)] || TYPES[path.extname(file)] || 'application/octet-stream',
        'content-security-policy': CSP, 'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache', etag,
      };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
      if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && !/\.(png|ttf|woff2)$/.test(file)) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(zlib.gzipSync(body, { level: 6 }));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': CSP });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    subUrl: `http://127.0.0.1:${port}${subPath}`,
    blocked,
    sent,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const s = await startServer(path.resolve(root));
  console.log(`serving ${root} at ${s.url} and ${s.subUrl}`);
}
