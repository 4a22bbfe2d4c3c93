// Prints the release build's first-load bytes (raw, gzip, brotli) per file and in total.
// Usage: node scripts/bench.mjs [dist]   (make bench builds dist/ first)
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const html = await readFile(path.join(dist, 'index.html'), 'utf8');
// Release builds minify index.html, which drops the quotes around attribute values.
const css = [...html.matchAll(/href="?([^"\s>]+\.css)/g)].map((m) => m[1]);
const org = JSON.parse(await readFile(path.join(dist, 'content/organisation.json'), 'utf8'));

// What a learner's browser fetches on a first visit, in one language (the course's first):
// the app, organisation.json and the language's words and names, after which the start page
// is usable (the first load). Opening "my training" (or any course page) then fetches the
// course module and the modules' structure; each module's texts come when it is opened (and
// are asked for in the background once my training shows); the certificate, at the end,
// fetches the records module. A link straight into the course starts with the course module
// instead of the app (web/boot.js).
const lang = process.env.BENCH_LANG || org.languages[0].tag;
const languageFiles = [`content/languages/${lang}/ui.json`, `content/languages/${lang}/course.json`];
const page = ['index.html', 'boot.js', 'favicon.svg', ...css, 'content/organisation.json', ...languageFiles];
const startPage = [...page, 'trygg-app.js', 'trygg-app_bg.wasm'];
const courseModule = ['trygg_course.js', 'trygg_course_bg.wasm'];
const recordsModule = ['trygg_records.js', 'trygg_records_bg.wasm'];
const courseContent = org.modules.map((m) => `content/modules/${m}.json`);
const moduleTexts = org.modules.map((m) => `content/languages/${lang}/modules/${m}.json`);
const firstLoad = [...startPage, ...courseModule, ...courseContent, ...moduleTexts, ...recordsModule];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = [];
for (const rel of firstLoad) {
  const body = await readFile(path.join(dist, rel.replace(/^\.\//, '')));
  rows.push({
    file: rel,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const sum = (files) => {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows.filter((r) => files.includes(r.file))) for (const k of Object.keys(t)) t[k] += r[k];
  return t;
};
const line = (label, r) => console.log(`${label.padEnd(34)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`a learner's first visit to ${dist}/ in "${lang}" (KB)`);
console.log(`${'file'.padEnd(34)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const r of rows) line(r.file, r);
const first = sum(startPage);
line('first load: start page usable', first);
line('then, opening the course: module', sum(courseModule));
line('                 modules\' structure', sum(courseContent));
line('content before my training usable', sum(['content/organisation.json', ...languageFiles, ...courseContent]));
line('each module\'s texts, as opened', sum(moduleTexts));
line('the certificate: records module', sum(recordsModule));
line('whole visit through the course', sum(firstLoad));
line('deep link #/training usable', sum([...page, ...courseModule, ...courseContent]));
const budget = 250 * 1024;
console.log(`budget: 250 KB gzip for the first load; ${first.gzip <= budget ? 'within' : 'OVER'} budget by ${kb(Math.abs(budget - first.gzip)).trim()} KB`);

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
