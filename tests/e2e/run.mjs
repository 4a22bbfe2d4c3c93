// Runs every tests/e2e/*.test.mjs against the release dist/ served from a sub-path with the
// strict CSP. Usage: node tests/e2e/run.mjs [name filter]
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

const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
const server = await startServer(path.join(root, 'dist'));
const browser = await launchBrowser();
let passed = 0;
const failed = [];
const started = Date.now();

for (const file of files) {
  const { default: tests } = await import(path.join(here, file));
  for (const test of tests) {
    const name = `${file.replace('.test.mjs', '')}: ${test.name}`;
    if (filter && !name.includes(filter)) continue;
    const t = { browser, server, root, artifacts, problems: [], contexts: [] };
    t.assertClean = () => {
      if (t.problems.length) throw new Error(`console errors or CSP violations:\n${t.problems.join('\n')}`);
    };
    const t0 = Date.now();
    try {
      await test.run(t);
      t.assertClean();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed.push(name);
      console.log(`FAIL ${name}\n     ${String(err.stack || err).split('\n').join('\n     ')}`);
      for (const [i, ctx] of t.contexts.entries()) {
        for (const [j, page] of ctx.pages().entries()) {
          await page.screenshot({ path: path.join(artifacts, `${name.replace(/\W+/g, '_')}-${i}-${j}.png`), fullPage: true }).catch(() => {});
        }
      }
    } finally {
      for (const ctx of t.contexts) await ctx.close().catch(() => {});
    }
  }
}

await browser.close();
await server.close();
console.log(`\n${passed} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failed.length) {
  console.log(`failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
if (passed === 0) {
  console.log('no test ran');
  process.exit(1);
}
