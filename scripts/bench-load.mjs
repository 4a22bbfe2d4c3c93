// Times a learner's first visit in Chromium on a throttled network, like the phone figures
// in REFERENCE.md (H5P: LCP 9.4 s, Adapt: 14.1 s): slow 4G (150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up) and a CPU slowed four times. The built dist/ is served gzipped from a
// sub-path with the strict CSP. Prints the median of a few cold loads (empty cache each time)
// of the start page (which needs only the app and organisation.json) and of a deep link to
// "my training" (which also needs the course module and every module file): when the page's
// heading is on screen and usable, the largest contentful paint, and the bytes that crossed
// the network. Then the usual path: the start page, a role chosen (which starts fetching the
// course in the background), a few seconds to read, and "Börja utbildningen": the time from
// that click until "my training" is usable.
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

async function visit(profile, hash, { thenStart = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: profile.latency,
    downloadThroughput: profile.down / 8, uploadThroughput: profile.up / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = Math.max(window.__lcp, e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
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
  await context.close();
  return { ready, lcp, bytes, click };
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
await browser.close();
await server.close();
