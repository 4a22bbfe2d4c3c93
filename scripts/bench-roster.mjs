// Roster at scale: how long `trygg roster` takes over 10,000 and 100,000 completion files
// and how much memory it needs, next to a baseline that only parses the same files as JSON
// (python3's json.load), and how long the browser's manager view takes to import 10,000.
//
// Usage: node scripts/bench-roster.mjs [--sizes 10000,100000] [--browser-count 10000] [--runs 3]
// Needs a release build of the app in dist/ (make dist) for the browser row, and Chromium
// (make setup-browser). Files are generated once into /tmp/trygg-bench-roster-N and reused.
// Each size runs the CLI and json.load alternately, three times each, and reports the median
// of each, so both see the same machine (on a shared machine one run alone says little).
// Not part of `make test`: it takes a minute or two and its numbers depend on the machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '10000,100000').split(',').map(Number);
const browserCount = Number(arg('--browser-count', '10000'));
const TODAY = '2026-01-15';
const course = JSON.parse(await readFile(path.join(root, 'content/organisation.json'), 'utf8')).course_id;

console.error('building the CLI (profile cli) …');
const build = spawnSync('cargo', ['build', '--profile', 'cli', '-q', '-p', 'trygg-cli'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const cli = path.join(root, 'target/cli/trygg');
const RUNS = Number(arg('--runs', '3'));

/** Makes (or reuses) a folder of `count` sample files. */
async function samples(count) {
  const dir = `/tmp/trygg-bench-roster-${count}`;
  if (existsSync(dir) && (await readdir(dir)).length === count) return dir;
  await rm(dir, { recursive: true, force: true });
  console.error(`generating ${count} files into ${dir} …`);
  const r = spawnSync(cli, ['sample', '--count', String(count), '--out', dir, '--course', course, '--today', TODAY]);
  if (r.status !== 0) throw new Error(`trygg sample failed: ${r.stderr}`);
  return dir;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Runs a command; returns wall seconds and peak resident memory (MB). Uses GNU time -v when
 * present; otherwise polls /proc/<pid>/status for VmHWM (Linux), else reports no memory.
 */
async function measure(command, args) {
  if (TIME) {
    const started = performance.now();
    const r = spawnSync(TIME, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    const cpu = ['User', 'System'].reduce((sum, k) => sum + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1]), 0);
    return { seconds, cpu, mb: kb / 1024, stdout: r.stdout };
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => { stdout += d; });
    const poll = setInterval(async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] || 0));
      } catch { /* exited, or not Linux */ }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`${command} exited with ${code}`));
      resolve({ seconds: (performance.now() - started) / 1000, mb: peakKb ? peakKb / 1024 : NaN, stdout });
    });
  });
}

const PY_BASELINE = `
import json, os, sys
d = sys.argv[1]
n = 0
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), 'rb') as f:
        json.load(f)
    n += 1
print(n)
`;

/** The run with the median time of `runs` (memory from the same run). */
const median = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];

const rows = [];
const python = spawnSync('python3', ['--version']).status === 0;
for (const count of sizes) {
  const dir = await samples(count);
  const cliRuns = [];
  const pyRuns = [];
  for (let i = 0; i < RUNS; i++) {
    cliRuns.push(await measure(cli, ['roster', '--course', course, '--today', TODAY, '--csv', `/tmp/trygg-bench-roster-${count}.csv`, dir]));
    if (python) pyRuns.push(await measure('python3', ['-c', PY_BASELINE, dir]));
  }
  const roster = median(cliRuns);
  const people = /People:\s+(\d+)/.exec(roster.stdout)?.[1];
  const baseline = python ? median(pyRuns) : null;
  const ratio = baseline ? `${(roster.seconds / baseline.seconds).toFixed(2)}× json.load` : undefined;
  rows.push({ what: `trygg roster, ${count} files (${people} people, CSV written)`, ...roster, note: ratio });
  if (baseline) rows.push({ what: `baseline: python3 json.load, ${count} files`, ...baseline });
}

// The browser: the manager view importing `browserCount` files in headless Chromium, under
// the same server (sub-path, strict CSP) as the end-to-end tests.
if (browserCount > 0 && existsSync(path.join(root, 'dist/index.html'))) {
  const { startServer } = await import('../tests/e2e/server.mjs');
  const { launchBrowser } = await import('../tests/e2e/harness.mjs');
  const dir = await samples(browserCount);
  const files = (await readdir(dir)).map((n) => path.join(dir, n));
  const server = await startServer(path.join(root, 'dist'));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.subUrl}#/manager`);
    await page.waitForSelector('.drop-zone', { timeout: 30000 });
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask' });
      window.addEventListener('change', () => { window.__changeAt ??= performance.now(); }, true);
    });
    const started = performance.now();
    await page.setInputFiles('#manager-files', files);
    await page.waitForSelector('#manager-result', { timeout: 600000 });
    const wall = (performance.now() - started) / 1000;
    const { changeAt, doneAt, long } = await page.evaluate(() => ({
      changeAt: window.__changeAt, doneAt: performance.now(), long: window.__long,
    }));
    const appLong = long.filter(([start]) => start >= changeAt).map(([, d]) => d);
    const metrics = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : NaN);
    rows.push({
      what: `browser import, ${browserCount} files (from the change event)`,
      seconds: (doneAt - changeAt) / 1000,
      mb: metrics / 1024 / 1024,
      note: `longest task ${Math.round(Math.max(0, ...appLong))} ms, ${appLong.filter((d) => d > 200).length} over 200 ms`,
    });
    rows.push({
      what: `browser import, ${browserCount} files (incl. the browser taking the file list)`,
      seconds: wall, mb: NaN,
    });
    const reloadStart = performance.now();
    await page.reload();
    await page.waitForSelector('#manager-summary', { timeout: 600000 });
    rows.push({ what: `browser reload, roster of ${browserCount} restored from IndexedDB`, seconds: (performance.now() - reloadStart) / 1000, mb: NaN });
  } finally {
    await browser.close();
    await server.close();
  }
} else if (browserCount > 0) {
  console.error('no dist/: skipping the browser row (run make dist first)');
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`\n${'what'.padEnd(width)}  ${'seconds'.padStart(8)}  ${'CPU s'.padStart(6)}  ${'peak MB'.padStart(8)}`);
for (const r of rows) {
  const mb = Number.isFinite(r.mb) ? r.mb.toFixed(0) : '–';
  const cpu = Number.isFinite(r.cpu) ? r.cpu.toFixed(2) : '–';
  console.log(`${r.what.padEnd(width)}  ${r.seconds.toFixed(2).padStart(8)}  ${cpu.padStart(6)}  ${mb.padStart(8)}${r.note ? `  ${r.note}` : ''}`);
}
const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ')[0];
console.log(`\nCLI and python rows: median of ${RUNS} alternating runs (load average ${load || 'unknown'} at the end; other work on the machine slows the CLI's threads most); CPU s is user + system time; memory is peak RSS (${TIME ? '/usr/bin/time -v' : '/proc VmHWM'}). The browser row's memory is the JS heap in use after the import.`);
