// Prints the release build's first-load bytes (raw, gzip, brotli) per file and in total.
// Usage: node scripts/bench.mjs [dist]   (make bench builds dist/ first)
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const html = await readFile(path.join(dist, 'index.html'), 'utf8');
const css = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1]);
const org = JSON.parse(await readFile(path.join(dist, 'content/organisation.json'), 'utf8'));

// What a learner's browser fetches before the start page is usable.
const firstLoad = ['index.html', 'boot.js', 'trygg-app.js', 'trygg-app_bg.wasm', ...css,
  'content/organisation.json', 'content/sources.json', ...org.modules.map((m) => `content/modules/${m}.json`)];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const rel of firstLoad) {
  const body = await readFile(path.join(dist, rel.replace(/^\.\//, '')));
  const row = {
    file: rel,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  rows.push(row);
  for (const k of ['raw', 'gzip', 'brotli']) total[k] += row[k];
}
console.log(`first load of ${dist}/ (KB)`);
console.log(`${'file'.padEnd(34)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(34)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${'total'.padEnd(34)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
const budget = 250 * 1024;
console.log(`budget: 250 KB gzip; ${total.gzip <= budget ? 'within' : 'OVER'} budget by ${kb(Math.abs(budget - total.gzip)).trim()} KB`);
const appOnly = rows.filter((r) => !r.file.startsWith('content/')).reduce((n, r) => n + r.gzip, 0);
console.log(`of which the app itself (without the course content): ${kb(appOnly).trim()} KB gzip`);

// Fetched only when a learner asks for a PDF, or when a manager opens the manager view.
const lazy = [...(await readdir(dist)).filter((f) => !firstLoad.includes(f) && /\.(wasm|js)$/.test(f)),
  ...(await readdir(path.join(dist, 'fonts'))).filter((f) => f.endsWith('.ttf')).map((f) => `fonts/${f}`)];
if (lazy.length) {
  console.log('\nfetched only when needed (KB)');
  for (const rel of lazy.sort()) {
    const body = await readFile(path.join(dist, rel));
    console.log(`${rel.padEnd(34)}${kb(body.length)}${kb(zlib.gzipSync(body, { level: 9 }).length)}`);
  }
}
