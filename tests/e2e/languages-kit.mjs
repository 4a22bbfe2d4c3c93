// Helpers for tests that add a language to a copy of the built release, as an organisation
// would (files copied in, no rebuild), and read back what the page and its files say.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/languages');

/** The marks a pseudo-language puts around every text: in the PDF fonts, so the certificate
 *  shows them too, and never used by the course itself. */
export const OPEN = '⁅';
export const CLOSE = '⁆';
export const wrap = (text) => `${OPEN}${text}${CLOSE}`;

/**
 * Copies the built dist/ to a temporary folder, lets `edit(contentDir)` change its content,
 * and serves the copy like the tests' own server (sub-path, strict CSP). `close()` stops the
 * server and removes the folder.
 */
export async function releaseCopy(t, edit) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trygg-release-'));
  await cp(path.join(t.root, 'dist'), dir, { recursive: true });
  await edit(path.join(dir, 'content'));
  const server = await startServer(dir);
  return {
    dir,
    server,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Lists a language in the copy's organisation.json, after the shipped ones. */
export async function listLanguage(content, entry) {
  const file = path.join(content, 'organisation.json');
  const org = JSON.parse(await readFile(file, 'utf8'));
  org.languages.push(entry);
  await writeFile(file, `${JSON.stringify(org, null, 2)}\n`);
}

/** Every text of a language file wrapped in the marks; `$schema` and the keys kept. */
function wrapTexts(value) {
  if (typeof value === 'string') return wrap(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('$') ? v : wrapTexts(v)]));
  }
  return value;
}

/** Removes the dotted `key` (`modules.report`) from a nested object. */
function dropKey(object, key) {
  const parts = key.split('.');
  const last = parts.pop();
  const parent = parts.reduce((o, p) => o?.[p], object);
  if (!parent || !(last in parent)) throw new Error(`no ${key} to drop`);
  delete parent[last];
}

/**
 * Writes a pseudo-language `tag` made from language `from`'s files (ui.json, course.json and
 * every module's texts), each text wrapped in the marks with its placeholders and markup
 * left intact inside. `dropFiles` (paths inside the language folder), `dropWords` (ui.json
 * keys) and `dropCourse` (dotted course.json keys) leave gaps for the fallback to fill.
 */
export async function writePseudoLanguage(content, { from, tag, dropFiles = [], dropWords = [], dropCourse = [] }) {
  const source = path.join(content, 'languages', from);
  const target = path.join(content, 'languages', tag);
  await mkdir(path.join(target, 'modules'), { recursive: true });
  const files = ['ui.json', 'course.json', ...(await readdir(path.join(source, 'modules'))).map((f) => `modules/${f}`)];
  for (const file of files) {
    if (dropFiles.includes(file)) continue;
    const texts = wrapTexts(JSON.parse(await readFile(path.join(source, file), 'utf8')));
    if (file === 'ui.json') {
      for (const key of dropWords) {
        if (!(key in texts)) throw new Error(`no word ${key} to drop`);
        delete texts[key];
      }
    }
    if (file === 'course.json') for (const key of dropCourse) dropKey(texts, key);
    await writeFile(path.join(target, file), `${JSON.stringify(texts, null, 2)}\n`);
  }
}

/** Copies a test-only language's files (tests/e2e/fixtures/languages/<tag>/) into the copy. */
export async function copyFixtureLanguage(content, tag) {
  await cp(path.join(FIXTURES, tag), path.join(content, 'languages', tag), { recursive: true });
}

/**
 * The words of `text` outside the marks, once `allowed` strings (the learner's input, codes,
 * the organisation's numbers and addresses) are taken out: numbers, punctuation and symbols
 * are not words.
 */
export function leftoverWords(text, allowed = []) {
  let depth = 0;
  let outside = '';
  for (const ch of text) {
    if (ch === OPEN || ch === CLOSE) {
      depth = Math.max(0, depth + (ch === OPEN ? 1 : -1));
      outside += ' ';
    } else if (depth === 0) {
      outside += ch;
    }
  }
  for (const a of [...allowed].filter(Boolean).sort((x, y) => y.length - x.length)) outside = outside.split(a).join(' ');
  return outside.split(/[\s\p{N}\p{P}\p{S}]+/u).filter((word) => word !== '');
}

/**
 * The words on the page not in the pseudo-language's marks, in elements of language `tag`
 * (an element marked with another language's `lang` is that language's, such as the other
 * languages' names in the switch): text, hidden text, labels and the document's title.
 */
export async function unwrappedWords(page, tag, allowed = [], { labels: withLabels = true } = {}) {
  const { text, labels, title, months } = await page.evaluate((tag) => {
    const ours = (el) => el.closest('[lang]')?.getAttribute('lang') === tag;
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, noscript, template')) continue;
      text += ours(el) ? node.data : '\n';
    }
    const names = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription'];
    const labels = [...document.body.querySelectorAll(names.map((n) => `[${n}]`).join(','))]
      .filter(ours).flatMap((el) => names.map((n) => el.getAttribute(n)).filter(Boolean));
    const format = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
    const months = Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2026, m, 15)));
    return { text, labels, title: document.title, months };
  }, tag);
  const ok = [...allowed, ...months];
  const near = (t, w) => {
    const at = Math.max(0, t.indexOf(w));
    return t.slice(Math.max(0, at - 40), at + w.length + 40).replace(/\s+/g, ' ');
  };
  return [text, ...(withLabels ? [title, ...labels] : [])].flatMap((t) => leftoverWords(t, ok).map((w) => `${w} (in “…${near(t, w)}…”)`))
    .filter((v, i, all) => all.indexOf(v) === i);
}

/**
 * A new browser context that lists the paths answered 404 (from `content/` on). A language
 * that lacks a file is asked for it and falls back when it is not found; the browser logs
 * each such answer on the console, which `allowMissing` then accepts.
 */
export async function contextListing404(t) {
  const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  t.contexts.push(context);
  const notFound = [];
  context.on('response', (r) => {
    // The offline worker fetches on the page's behalf: its own request is the same answer
    // again, and the page's console logs the 404 once.
    if (r.status() === 404 && !r.request().serviceWorker()) notFound.push(new URL(r.url()).pathname.replace(/^.*?\/content\//, 'content/'));
  });
  return { context, notFound };
}

/** Accepts the browser's console lines for 404 answers, once each was for one of `files`. */
export function allowMissing(t, notFound, files) {
  const unexpected = notFound.filter((p) => !files.includes(p));
  if (unexpected.length) throw new Error(`not found, and not a file the language lacks: ${unexpected}`);
  const line = /^console: Failed to load resource: the server responded with a status of 404/;
  const lines = t.problems.filter((p) => line.test(p)).length;
  if (lines !== notFound.length) throw new Error(`${lines} console lines for ${notFound.length} answers not found`);
  t.problems = t.problems.filter((p) => !line.test(p));
}

/** The progress key the app stores under, from the published organisation file. */
export async function progressKey(root) {
  const org = JSON.parse(await readFile(path.join(root, 'dist/content/organisation.json'), 'utf8'));
  return `trygg:${org.course_id}:progress`;
}

const DAY = 24 * 3600 * 1000;

/** Marks every module in `ids` not passed yet as passed a day ago, in the page's storage. */
/** Stores an unanswered attempt at `moduleId`'s quiz with the questions `items` (each
 * `{ question_id, order }`), as the app saves one; reload the page for the app to read it. */
export async function seedAttempt(page, key, moduleId, items, seed = 7) {
  await page.evaluate(([k, moduleId, plan]) => {
    const doc = JSON.parse(localStorage.getItem(k));
    doc.modules[moduleId] = { lesson_step: 0, lessons_done: false, attempts: 0,
      attempt: { plan, answers: plan.items.map(() => null), current: 0, started_ms: Date.now(), updated_ms: Date.now(), finished: false } };
    localStorage.setItem(k, JSON.stringify(doc));
  }, [key, moduleId, { module_id: moduleId, seed, items }]);
}

export async function seedPassed(page, key, ids) {
  await page.evaluate(([k, ids, passedMs]) => {
    const doc = JSON.parse(localStorage.getItem(k));
    for (const id of ids) {
      if (doc.modules[id]?.last_pass) continue;
      doc.modules[id] = { lesson_step: 3, lessons_done: true, best_percent: 90, last_pass: { percent: 90, passed_ms: passedMs }, attempts: 1 };
    }
    doc.updated_ms = Date.now();
    localStorage.setItem(k, JSON.stringify(doc));
  }, [key, ids, Date.now() - DAY]);
  await page.reload();
  await page.waitForSelector('#page-title');
}

/** Presses the button named `buttonName` and saves the download as `artifacts/name`. */
export async function saveDownload(page, buttonName, artifacts, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const file = path.join(artifacts, name);
  await download.saveAs(file);
  return file;
}

export function pdftotext(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
