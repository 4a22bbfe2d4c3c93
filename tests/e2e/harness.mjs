// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core,
// the project's static server (sub-path + strict CSP), and an axe-core scan.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Opens a new isolated page at `base + hash` and records console errors, page errors and
 * CSP violations, which `t.assertClean()` fails on.
 */
export async function openPage(t, hash = '#/', { base, viewport, context: givenContext } = {}) {
  const context = givenContext || await t.browser.newContext({ viewport: viewport || { width: 1280, height: 900 }, acceptDownloads: true });
  if (!givenContext) t.contexts.push(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') t.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => t.problems.push(`page error: ${err.message}`));
  await page.goto((base || t.server.subUrl) + hash);
  await page.waitForSelector('#page-title', { timeout: 20000 });
  return page;
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page; fails with the violations listed. */
export async function expectAxeClean(page, label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(result, [], `axe violations on ${label}:\n${result.join('\n')}`);
  // A UI string missing from the wasm module that shows the page appears as its key. The
  // content check's own messages (on the start screen and the error page) name keys on purpose.
  const shown = await page.evaluate(() => [...document.querySelectorAll('#boot-detail, .issue-list')]
    .reduce((text, named) => text.replace(named.innerText, ''), document.body.innerText));
  const keys = shown.match(UNTRANSLATED) || [];
  assert.deepEqual(keys, [], `untranslated keys on ${label}`);
}

// A file named on the page (`course.json`) is not a key.
const UNTRANSLATED = /\b(about|certificate|contact|content_error|course|data|file|footer|lang|lesson|loading|manager|nav|not_found|notice|offline|page|quiz|role|start|status|storage|training)\.(?!json\b)[a-z_]+\b/g;

/** Presses Tab until the focused element matches `predicate` (run in the page with `arg`);
 *  fails after `max` presses. */
export async function tabTo(page, predicate, max = 40, arg = undefined) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(predicate, arg);
    if (hit) return;
  }
  throw new Error(`tabTo: never reached the element after ${max} presses`);
}

export async function heading(page) {
  return (await page.textContent('#page-title'))?.trim();
}

/**
 * Runs the `trygg` CLI that the runner built before the tests (`t.cli`), from the
 * repository's root: `{ code, out, err }`. Tests read its output rather than repeat any of
 * its rules.
 */
export function runTrygg(t, args) {
  // A synchronous child blocks the runner's own time limit, so it has one of its own.
  const run = spawnSync(t.cli, args, { cwd: t.root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** `runTrygg` for a command that must succeed: its stdout. */
export function trygg(t, args) {
  const run = runTrygg(t, args);
  if (run.code !== 0) throw new Error(`trygg ${args.join(' ')} exited with ${run.code}:\n${run.out}${run.err}`);
  return run.out;
}

export { assert };
