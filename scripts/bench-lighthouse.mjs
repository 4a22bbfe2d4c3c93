// Lighthouse (mobile, default throttling) on the start page and on a deep link into the
// course, served gzip-compressed from a sub-path with the strict CSP, as an intranet host
// would. Prints performance score, LCP, TBT, CLS and bytes sent, median of three runs.
// Not a test: the figures depend on the machine. Usage: node scripts/bench-lighthouse.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../tests/e2e/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const runs = Number(process.env.RUNS || 3);
const pages = [['start page', '#/'], ['deep link', '#/training']];

const server = await startServer(dist, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME || '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('Lighthouse 12 mobile (default throttling), median of', runs, 'runs');
console.log('page                   perf   LCP s   FCP s   TBT ms   CLS    KB sent');
try {
  for (const [label, hash] of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(server.subUrl + hash, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
      });
      const audit = (id) => lhr.audits[id].numericValue;
      if (process.env.DETAILS) {
        for (const item of lhr.audits['layout-shifts']?.details?.items ?? []) {
          console.log('  layout shift', item.score?.toFixed(3), item.node?.snippet);
        }
      }
      results.push({
        perf: lhr.categories.performance.score,
        lcp: audit('largest-contentful-paint') / 1000,
        fcp: audit('first-contentful-paint') / 1000,
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        kb: audit('total-byte-weight') / 1024,
      });
    }
    const m = (k) => median(results.map((r) => r[k]));
    console.log(`${(label + ' ' + hash).padEnd(22)} ${m('perf').toFixed(2).padStart(5)} ${m('lcp').toFixed(2).padStart(7)}`
      + ` ${m('fcp').toFixed(2).padStart(7)} ${m('tbt').toFixed(0).padStart(8)} ${m('cls').toFixed(3).padStart(6)}`
      + ` ${m('kb').toFixed(0).padStart(9)}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
