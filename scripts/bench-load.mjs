// Times a learner's first visit in Chromium on a throttled network, like the phone figures
// in REFERENCE.md (H5P: LCP 9.4 s, Adapt: 14.1 s): slow 4G (150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up) and a CPU slowed four times. The built dist/ is served gzipped from a
// sub-path with the strict CSP. Prints the median of a few cold loads (empty cache each time)
// of the start page (which needs only the app and organisation.json) and of a deep link to
// "my training" (which also needs the course module and every module file): when the page's
// heading is on screen and usable, the largest contentful paint, and the bytes that crossed
// the network. Then the usual path: the start page, a role chosen (which starts fetching the
// course in the background), a few seconds to read, and "Börja utbildningen": the time from
// that click until "my training" is usable. Last, a repeat visit of each page: a first visit
// (not timed) leaves the service worker with its files, then a new tab opens the same address
// on the same throttled network, the worker's own requests throttled too; beside it the
// same repeat visit with the worker blocked (the browser's HTTP cache only, revalidating each
// file) and one with no network at all.
// Usage: node scripts/bench-load.mjs [dist] [runs]   (make bench builds dist/ first)
import path from 'node:path';
import { launchBrowser } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const runs = Number(process.argv[3] || 3);
const server = await startServer(dist, { gzip: true });
const browser = await launchBrowser();

const PROFILES = [
  { name: 'slow 4G, CPU ÷4', latency: 150, down: 1.6e6, up: 750e3, cpu: 4 },
  { name: 'office LAN', latency: 2, down: 100e6, up: 100e6, cpu: 1 },
];

const VIEWPORT = { width: 412, height: 823 };

/** The network conditions of `profile`, as CDP takes them. */
const conditions = (profile) => ({
  offline: false, latency: profile.latency, downloadThroughput: profile.down / 8, uploadThroughput: profile.up / 8,
});

/** Throttles the running service workers' own requests too (a page's throttling does not
 *  reach them). Fails when none runs, rather than time an unthrottled worker. */
async function throttleWorkers(profile) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(server.subUrl));
  if (!workers.length) throw new Error('no service worker runs to throttle');
  let id = 0;
  for (const worker of workers) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const send = (method, params) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
    await send('Network.enable', {});
    await send('Network.emulateNetworkConditions', conditions(profile));
  }
  return cdp;
}

/** Waits until the server has had no request for a second: a first visit's background work
 *  (the worker keeping the course) is over. */
async function quiet() {
  let last = -1;
  while (server.sent.requests !== last) {
    last = server.sent.requests;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function visit(profile, hash, { thenStart = false, context: given = null, offline = false } = {}) {
  const context = given || await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A first visit starts from an empty cache; a repeat visit keeps what the first left.
  if (!given) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', conditions(profile));
  if (offline) await context.setOffline(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = Math.max(window.__lcp, e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const before = { ...server.sent };
  await page.goto(server.subUrl + hash);
  await page.waitForSelector(`main[data-route="${hash}"] #page-title`, { timeout: 120000 });
  const ready = await page.evaluate(() => performance.now());
  // LCP is final once the page has settled; wait for the network to go quiet first.
  await page.waitForLoadState('networkidle');
  const lcp = await page.evaluate(() => window.__lcp);
  let click = 0;
  if (thenStart) {
    await page.getByLabel('Medarbetare', { exact: true }).check();
    await page.waitForTimeout(READING_MS);
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Börja utbildningen' }).click();
    await page.waitForSelector('main[data-route="#/training"] #page-title', { timeout: 120000 });
    click = (await page.evaluate(() => performance.now())) - start;
  }
  const served = server.sent.bytes - before.bytes;
  const requests = server.sent.requests - before.requests;
  if (given) await page.close();
  else await context.close();
  return { ready, lcp, bytes, served, requests, click };
}

/** A repeat visit of `hash`: a first visit on a fast network leaves the worker (unless
 *  `block`) with what it keeps, then a new tab opens `hash` on `profile`'s network. */
async function repeatVisit(profile, hash, { block = false, offline = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: block ? 'block' : 'allow' });
  const first = await context.newPage();
  await first.goto(server.subUrl + hash);
  await first.waitForSelector(`main[data-route="${hash}"] #page-title`, { timeout: 120000 });
  if (!block) await first.evaluate(() => navigator.serviceWorker.ready);
  await quiet();
  await first.close();
  const workers = block || offline ? null : await throttleWorkers(profile);
  const result = await visit(profile, hash, { context, offline });
  await workers?.detach();
  await context.close();
  return result;
}

/** How long the learner spends on the start page after choosing a role. */
const READING_MS = 5000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first visit, median of ${runs} cold loads (gzip from a sub-path)`);
console.log(`${'network'.padEnd(20)}${'page'.padEnd(14)}${'usable s'.padStart(10)}${'LCP s'.padStart(8)}${'KB sent'.padStart(10)}`);
for (const profile of PROFILES) {
  for (const hash of ['#/', '#/training']) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await visit(profile, hash));
    const s = (ms) => (ms / 1000).toFixed(2).padStart(8);
    console.log(`${profile.name.padEnd(20)}${hash.padEnd(14)}${s(median(results.map((r) => r.ready))).padStart(10)}` +
      `${s(median(results.map((r) => r.lcp)))}${(median(results.map((r) => r.bytes)) / 1024).toFixed(0).padStart(10)}`);
  }
  const started = [];
  for (let i = 0; i < runs; i++) started.push(await visit(profile, '#/', { thenStart: true }));
  console.log(`${profile.name.padEnd(20)}start → my training, ${READING_MS / 1000} s after choosing a role: ` +
    `${(median(started.map((r) => r.click)) / 1000).toFixed(2)} s from the click`);
}
console.log(`\nrepeat visit, median of ${runs} (a first visit left the files; the server's answers until usable and settled: requests, KB of bodies)`);
console.log(`${'network'.padEnd(20)}${'page'.padEnd(14)}${'how'.padEnd(34)}${'usable s'.padStart(10)}${'requests'.padStart(10)}${'KB'.padStart(8)}`);
const HOW = [
  ['HTTP cache only (worker blocked)', { block: true }],
  ['service worker', {}],
  ['service worker, offline', { offline: true }],
];
for (const profile of PROFILES) {
  for (const hash of ['#/', '#/training']) {
    for (const [how, options] of HOW) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await repeatVisit(profile, hash, options));
      console.log(`${profile.name.padEnd(20)}${hash.padEnd(14)}${how.padEnd(34)}` +
        `${(median(results.map((r) => r.ready)) / 1000).toFixed(2).padStart(10)}` +
        `${String(median(results.map((r) => r.requests))).padStart(10)}` +
        `${(median(results.map((r) => r.served)) / 1024).toFixed(1).padStart(8)}`);
    }
  }
}
await browser.close();
await server.close();
