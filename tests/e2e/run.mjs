// Runs every tests/e2e/*.test.mjs against the release dist/ served from a sub-path with the
// strict CSP. Usage: node tests/e2e/run.mjs [name filter]
//
// The trygg CLI is built once, before any test, and tests run that binary (`t.cli`, through
// harness.mjs's `trygg`). Each test has a time limit (`timeout` in ms on the test, else
// E2E_TIMEOUT_MS, else DEFAULT_TIMEOUT_MS): a test that hangs fails with its name and the
// run goes on with the next. A failed test runs once more; one that then passes is listed as
// flaky (see RETRIES).
import { spawnSync } from 'node:child_process';
import { readdir, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const filter = process.argv[2] || process.env.E2E_FILTER || '';
const artifacts = path.join(here, 'artifacts');
await mkdir(artifacts, { recursive: true });

/** The longest test takes under 40 s on a machine with two busy cores; five times that. */
const DEFAULT_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS) || 180_000;
/** A failed test runs once more (E2E_RETRIES=0 turns that off): on two busy cores a page can
 *  miss a time limit once. A test that passes only the second time is listed as flaky at the
 *  end, with its first failure printed in full. */
const RETRIES = process.env.E2E_RETRIES === undefined ? 1 : Number(process.env.E2E_RETRIES);

/** Builds the CLI (the debug build `cargo test` shares) and returns its executable's path. */
function buildCli() {
  const build = spawnSync('cargo', ['build', '-q', '-p', 'trygg-cli', '--message-format=json-render-diagnostics'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });
  if (build.error || build.status !== 0) {
    console.log(`could not build the trygg CLI (cargo build -p trygg-cli): ${build.error || `exit ${build.status}`}`);
    process.exit(1);
  }
  const artifact = build.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
    .find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'trygg' && m.executable);
  if (!artifact) {
    console.log('cargo build -p trygg-cli named no trygg executable');
    process.exit(1);
  }
  return artifact.executable;
}

/** `running`, or a rejection once `ms` have passed without it settling. */
function withinTime(running, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`timed out after ${ms / 1000} s (the test's \`timeout\`, or E2E_TIMEOUT_MS, sets the limit)`);
      err.stack = err.message; // where the timer fired says nothing about the test
      reject(err);
    }, ms);
  });
  return Promise.race([running, late]).finally(() => clearTimeout(timer));
}

const cli = buildCli();
const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
const server = await startServer(path.join(root, 'dist'));
const browser = await launchBrowser();
let passed = 0;
const failed = [];
const flaky = [];
const started = Date.now();

/** Runs `test` once: `null` when it passed, else what to print about its failure. */
async function runOnce(test, name) {
  const t = { browser, server, root, artifacts, cli, problems: [], contexts: [] };
  t.assertClean = () => {
    if (t.problems.length) throw new Error(`console errors or CSP violations:\n${t.problems.join('\n')}`);
  };
  try {
    const running = test.run(t);
    // A test abandoned at its time limit may still fail later, when its pages are closed.
    running.catch(() => {});
    await withinTime(running, test.timeout || DEFAULT_TIMEOUT_MS);
    t.assertClean();
    return null;
  } catch (err) {
    const lines = [String(err.stack || err)];
    // What the pages showed and logged, in the log: a CI run keeps no screenshots.
    if (t.problems.length) lines.push(`console errors seen before the failure:\n  ${t.problems.join('\n  ')}`);
    for (const [i, ctx] of t.contexts.entries()) {
      for (const [j, page] of ctx.pages().entries()) {
        const shown = await page.evaluate(() => document.querySelector('main')?.innerText || document.body.innerText)
          .catch((e) => `(unreadable: ${e.message})`);
        lines.push(`page ${i}.${j} at ${page.url()}:\n  ${String(shown).replace(/\s+/g, ' ').slice(0, 600)}`);
        await page.screenshot({ path: path.join(artifacts, `${name.replace(/\W+/g, '_')}-${i}-${j}.png`), fullPage: true }).catch(() => {});
      }
    }
    return lines.join('\n').split('\n').join('\n     ');
  } finally {
    for (const ctx of t.contexts) await ctx.close().catch(() => {});
  }
}

for (const file of files) {
  const { default: tests } = await import(path.join(here, file));
  for (const test of tests) {
    const name = `${file.replace('.test.mjs', '')}: ${test.name}`;
    if (filter && !name.includes(filter)) continue;
    const t0 = Date.now();
    let failure = await runOnce(test, name);
    if (failure && RETRIES > 0) {
      // Printed in full either way: a pass on the second run is reported as flaky, never hidden.
      console.log(`RETRY ${name}\n     ${failure}`);
      failure = await runOnce(test, name);
      if (!failure) flaky.push(name);
    }
    if (failure) {
      failed.push(name);
      console.log(`FAIL ${name}\n     ${failure}`);
    } else {
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    }
  }
}

await browser.close();
await server.close();
if (flaky.length) console.log(`\nflaky (failed once, then passed; see RETRY above):\n  ${flaky.join('\n  ')}`);
console.log(`\n${passed} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failed.length) {
  console.log(`failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
if (passed === 0) {
  console.log('no test ran');
  process.exit(1);
}
