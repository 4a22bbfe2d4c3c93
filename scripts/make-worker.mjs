// Writes the service worker `sw.js` into a release folder from the template `web/sw.js`,
// with the folder's own files and their SHA-256 (as `integrity` values), and copies the
// withdraw worker `sw-withdraw.js` beside it. Run by scripts/build-lazy.sh last, once every
// file of the release is in place, so no file list is kept by hand and any changed file
// changes `sw.js`, which is what makes browsers install the new build.
// Usage: node scripts/make-worker.mjs DIR; with --check, checks that DIR/sw.js matches DIR.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(root, 'web/sw.js');
const WITHDRAW = path.join(root, 'web/sw-withdraw.js');
const MARK = '__TRYGG_BUILD__';

/** When the worker fetches a file: `start` on install (the pages, the shell and the course
 *  module), `course` once the course runs (the records module with the certificate, the PDF
 *  maker and its fonts), `use` the first time
 *  the page asks for it (the manager view, which learners never open; texts nothing fetches). */
export function groupOf(file) {
  if (file.startsWith('trygg_manager')) return 'use';
  if (/\.(txt|md)$/i.test(file)) return 'use';
  if (/^(trygg_records|trygg_pdf|fonts\/)/.test(file)) return 'course';
  return 'start';
}

/** Files the worker never lists: itself, its withdraw twin, and `content/`, which the
 *  security officer edits in place (fetched network first instead). */
function listed(file) {
  return file !== 'sw.js' && file !== 'sw-withdraw.js' && !file.startsWith('content/');
}

async function walk(dir, prefix = '') {
  const files = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix + entry.name;
    if (entry.isDirectory()) files.push(...await walk(dir, `${rel}/`));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

/** The BUILD object of `sw.js` for the files of `dir`. */
export async function describeBuild(dir) {
  const files = {};
  for (const file of (await walk(dir)).filter(listed).sort()) {
    const digest = createHash('sha256').update(await readFile(path.join(dir, file))).digest('base64');
    files[file] = { integrity: `sha256-${digest}`, group: groupOf(file) };
  }
  if (!files['index.html']) throw new Error(`${dir}: no index.html to build a worker for`);
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  return { version, files };
}

/** BUILD as JSON with one line per file, for IT to read. */
function buildText(build) {
  const files = Object.entries(build.files).map(([file, about]) => `  ${JSON.stringify(file)}: ${JSON.stringify(about)}`);
  return `{\n "version": ${JSON.stringify(build.version)},\n "files": {\n${files.join(',\n')}\n }\n}`;
}

async function main(dir) {
  const template = await readFile(TEMPLATE, 'utf8');
  if (template.split(MARK).length !== 2) throw new Error(`${TEMPLATE}: must hold ${MARK} exactly once`);
  const build = await describeBuild(dir);
  await writeFile(path.join(dir, 'sw.js'), template.replace(MARK, buildText(build)));
  await copyFile(WITHDRAW, path.join(dir, 'sw-withdraw.js'));
  const count = Object.keys(build.files).length;
  console.log(`make-worker: ${dir}/sw.js, build ${build.version}, ${count} files`);
}

/** Fails unless `dir/sw.js` lists exactly the folder's files as they are now: a file
 *  changed after the build would fail the worker's integrity check, and it would never
 *  install. */
async function check(dir) {
  const text = await readFile(path.join(dir, 'sw.js'), 'utf8');
  const written = /^const BUILD = (\{[\s\S]*?\n\});$/m.exec(text);
  if (!written) throw new Error(`${dir}/sw.js: no build list (was it made by this script?)`);
  const listed = JSON.parse(written[1]);
  const actual = await describeBuild(dir);
  const names = new Set([...Object.keys(listed.files), ...Object.keys(actual.files)]);
  const wrong = [...names].filter((name) => JSON.stringify(listed.files[name]) !== JSON.stringify(actual.files[name]));
  if (wrong.length) throw new Error(`${dir}/sw.js does not match the folder (run make dist again): ${wrong.join(', ')}`);
  console.log(`make-worker: ${dir}/sw.js lists the folder's ${names.size} files, build ${listed.version}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [flag, dir] = process.argv[2] === '--check' ? ['--check', process.argv[3]] : [null, process.argv[2]];
  if (!dir) {
    console.error('usage: node scripts/make-worker.mjs [--check] DIR');
    process.exit(2);
  }
  (flag ? check(dir) : main(dir)).catch((error) => {
    console.error(`make-worker: ${error.message}`);
    process.exit(1);
  });
}
