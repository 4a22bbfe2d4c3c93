// Trygg's service worker: the course keeps working without a network once it has been opened.
// This is the template; `scripts/make-worker.mjs` writes `sw.js` from it for each release
// build, filling in BUILD from the release folder's own files and their SHA-256, so every
// build that changes any file is a new worker, which is what makes browsers install it.
//
// Two rules for two kinds of file:
// - Application files (the page, boot.js, the stylesheet, each module's wasm and glue, the
//   fonts, the icons): from this build's cache, fetched with their build-time hash as
//   `integrity`, so the cache never mixes two builds. A new build brings a new cache.
// - `content/`, which the security officer edits in place on the server: from the network
//   when it answers within CONTENT_WAIT_MS, else the last copy fetched, and the answer is
//   kept for next time. Never precached: an edit shows on the next online visit.
//
// Caches hold only published files, never learner data (progress stays in the page's own
// storage). Cache names carry the scope, since two deployments on one host share them.
// To withdraw the worker, replace this file on the server with `sw-withdraw.js` (README).

const BUILD = __TRYGG_BUILD__;

/** How long a content file may take from the network before the cached copy is used. */
const CONTENT_WAIT_MS = 3000;

const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
const PREFIX = `trygg ${SCOPE} `;
const APP_CACHE = `${PREFIX}app ${BUILD.version}`;
const CONTENT_CACHE = `${PREFIX}content`;

/** The file's path inside the scope, for a URL of this origin under the scope; else null. */
function inScope(url) {
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return null;
  try {
    return decodeURIComponent(url.pathname.slice(SCOPE_PATH.length));
  } catch {
    return null; // a malformed address: left to the network
  }
}

/** Fetches an application file of this build; rejects when it is not this build's file. */
function fetchBuildFile(path) {
  return fetch(new Request(SCOPE + path, { cache: 'no-cache', integrity: BUILD.files[path].integrity }))
    .then((response) => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response;
    });
}

/** Puts every file of `group` that is not there yet into this build's cache. */
async function keepGroup(group) {
  const cache = await caches.open(APP_CACHE);
  const paths = Object.keys(BUILD.files).filter((path) => BUILD.files[path].group === group);
  await Promise.all(paths.map(async (path) => {
    if (await cache.match(SCOPE + path)) return;
    await cache.put(SCOPE + path, await fetchBuildFile(path));
  }));
}

/** Puts each content URL that is not cached yet into the content cache. */
async function keepContent(urls) {
  const cache = await caches.open(CONTENT_CACHE);
  await Promise.all(urls.map(async (address) => {
    const url = new URL(address, SCOPE);
    const path = inScope(url);
    if (path === null || !path.startsWith('content/')) return;
    const key = url.origin + url.pathname;
    if (await cache.match(key)) return;
    const response = await fetch(key, { cache: 'no-cache' });
    if (response.ok) await cache.put(key, response);
  }));
}

// The files the first page needs and the course module. The worker waits to take over
// until the page says so (an update) or no page of the old one is open.
self.addEventListener('install', (event) => {
  event.waitUntil(keepGroup('start'));
});

// Old builds' caches go; the content cache stays (it holds the last fetched copy of each
// content file whatever the build). A first install takes the open page at once, so what
// it fetches from now on is kept too.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(`${PREFIX}app `) && name !== APP_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// From the page (the worker bridge in boot.js, called by src/shared/browser/worker.rs):
// `activate`, on the learner's word, when an update waits; `keep`, once the course runs, to
// fetch a group of application files (the PDF maker and its fonts) and content files in the
// background.
self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.type === 'activate') {
    self.skipWaiting();
  } else if (message.type === 'keep') {
    const jobs = [];
    if (typeof message.group === 'string') jobs.push(keepGroup(message.group));
    if (Array.isArray(message.content)) jobs.push(keepContent(message.content.map(String)));
    // A file that cannot be fetched now is fetched when the page asks for it.
    event.waitUntil(Promise.allSettled(jobs));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const path = inScope(url);
  if (path === null) return;
  if (path.startsWith('content/')) {
    event.respondWith(fromContent(event, url));
  } else if (request.mode === 'navigate' && (path === '' || path === 'index.html')) {
    event.respondWith(fromBuild('index.html', request, event));
  } else if (Object.hasOwn(BUILD.files, path)) {
    event.respondWith(fromBuild(path, request, event));
  }
});

/** This build's copy of `path`; one not cached yet (the manager view) is fetched and kept. */
async function fromBuild(path, request, event) {
  const cache = await caches.open(APP_CACHE);
  const cached = await cache.match(SCOPE + path);
  if (cached) return cached;
  try {
    const response = await fetchBuildFile(path);
    event.waitUntil(cache.put(SCOPE + path, response.clone()));
    return response;
  } catch {
    // Another build's file (the server was updated meanwhile), or no network: the page gets
    // what the server gives, as it would without a worker, and nothing is kept.
    return fetch(request);
  }
}

/** The network's answer within CONTENT_WAIT_MS (kept for next time), else the cached copy;
 *  with neither, the network's answer or failure whenever it comes. */
function fromContent(event, url) {
  const key = url.origin + url.pathname;
  const network = fetch(event.request);
  const kept = network.then((response) => {
    if (!response.ok) return undefined;
    const copy = response.clone(); // now, before the page reads the body
    return caches.open(CONTENT_CACHE).then((cache) => cache.put(key, copy));
  }).catch(() => {});
  event.waitUntil(kept);
  const cached = caches.open(CONTENT_CACHE).then((cache) => cache.match(key));
  return new Promise((resolve, reject) => {
    let done = false;
    const answer = (response) => {
      if (!done) { done = true; resolve(response); }
    };
    const timer = setTimeout(() => cached.then((hit) => { if (hit) answer(hit); }), CONTENT_WAIT_MS);
    network.then((response) => {
      clearTimeout(timer);
      answer(response);
    }, async (error) => {
      clearTimeout(timer);
      const hit = await cached;
      if (hit) answer(hit);
      else if (!done) { done = true; reject(error); }
    });
  });
}
