// Withdraws Trygg's service worker. For IT: copy this file over `sw.js` in the deployed
// folder (keep the name `sw.js`). Each browser that has the course's worker fetches `sw.js`
// on its next visit, installs this one in its place, deletes the course's caches for this
// folder and unregisters. Open pages are not reloaded: without a worker they fetch from the
// server as they would have before, and learners' progress (kept by the page, not in any
// cache) is untouched. Leave it in place for as long as browsers may still hold the old
// worker; to bring offline use back, put the release's own `sw.js` back.

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  const prefix = `trygg ${self.registration.scope} `;
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
    await self.registration.unregister();
  })());
});
