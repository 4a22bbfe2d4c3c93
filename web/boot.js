// Starts the Trygg app without an inline script, so the page runs under a strict CSP.
// Shows a clear message instead of a blank page when WebAssembly or a file cannot load.
// A classic script (not a module), so it still runs when index.html is opened straight from
// disk, where browsers refuse module scripts: it can then say what to do instead.
// Loaded `async`, so it asks for the app as soon as it arrives, without waiting for the
// stylesheet or the rest of the page; whatever touches the page waits for `pageParsed`.
// This script runs: the start screen's note for a page whose scripts never run stays hidden.
document.documentElement.dataset.boot = 'started';

const pageParsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

// The start screen in the learner's own language once its words are here: a learner who chose
// Finnish on an earlier visit reads Finnish (`boot.*` in the language's ui.json, asked for
// below). Until then, for a learner of the page's own language, and whenever the words cannot
// be read, it stays as index.html has it: Swedish, then English.
let speak = Promise.resolve(null);
// Set once a failure is being said, which the loading message must not then replace.
let failed = false;

// Puts `key`'s text of `words` in the element with `id`, keeping its spinner and its detail.
function say(words, id, key) {
  const element = document.getElementById(id);
  const text = words && words.texts[key];
  if (!element || typeof text !== 'string' || !text) return false;
  const spinner = element.querySelector('.spinner');
  const detail = element.querySelector('#boot-detail');
  element.textContent = text;
  element.lang = words.lang;
  element.dir = 'auto';
  if (spinner) element.prepend(spinner, ' ');
  if (detail) element.append(' ', detail);
  return true;
}

async function fail(text, canRetry = true, detail = '', key = '') {
  failed = true;
  await pageParsed;
  const words = await speak;
  const message = document.getElementById('boot-message');
  const retry = document.getElementById('boot-retry');
  if (message && !say(words, 'boot-message', key)) {
    // Swedish, then English after " / ", marked as English for a screen reader.
    const cut = text.indexOf(' / ');
    message.textContent = cut < 0 ? text : text.slice(0, cut + 3);
    message.removeAttribute('lang');
    if (cut >= 0) {
      const english = document.createElement('span');
      english.lang = 'en';
      english.textContent = text.slice(cut + 3);
      message.append(english);
    }
  }
  // What went wrong, for whoever runs the server: in English, as the browser's errors are.
  if (message && detail) {
    const code = document.createElement('code');
    code.lang = 'en';
    code.textContent = detail;
    message.append(' ', code);
  }
  if (retry && canRetry) {
    retry.hidden = false;
    retry.focus();
  }
}

// The start screen's "try again" reloads the page, whoever shows it: this script when a
// module cannot load, or a module when the course's files cannot be read.
pageParsed.then(() => {
  document.getElementById('boot-retry')?.addEventListener('click', () => window.location.reload());
});

// Trygg is five wasm modules: the shell (start and about pages), the course (my training,
// lessons, quizzes), the records (the certificate, my data), the manager view and the PDF
// maker. Each is
// fetched on first use, so a visit loads only what its pages need. Each loader resolves to the
// module's exports. One Yew module renders the page at a time: the live one loads the next
// and calls its `mount` (src/shared/handover.rs). The loaders are handed to the first module
// and from module to module with the page, never put on `window`.
// After a failure the next call tries again; browsers remember a module script that failed
// to load, so a retry asks for it under a fresh query string.
// The wasm file is requested together with its JavaScript glue, not after it.
function lazy(name) {
  let loading = null;
  let failures = 0;
  return () => {
    if (!loading) {
      const query = failures ? `?retry=${failures}` : '';
      const wasm = fetch(new URL(`${name}_bg.wasm${query}`, document.baseURI));
      wasm.catch(() => {}); // reported through `loading`
      loading = import(`./${name}.js${query}`).then(async (module) => {
        await module.default({ module_or_path: wasm });
        return module;
      }).catch((error) => {
        loading = null;
        failures += 1;
        throw error;
      });
    }
    return loading;
  };
}
const loaders = {
  'trygg-app': lazy('trygg-app'),
  trygg_course: lazy('trygg_course'),
  trygg_records: lazy('trygg_records'),
  trygg_pdf: lazy('trygg_pdf'),
  trygg_manager: lazy('trygg_manager'),
};

// The page's side of the service worker (sw.js, made at build time; see README, "Offline
// use"), one per page whichever wasm module is live. The modules decide when to start it:
// once a page is usable, and never inside an LMS (src/shared/browser/worker.rs). Any change
// they show (a new version ready, a worker serving the page) is announced by a
// `trygg-worker` event on window. Handed to the first module with the loaders.
const worker = (() => {
  const container = navigator.serviceWorker; // missing on insecure origins
  let started = false;
  let registration = null;
  let reloadOnChange = false;
  let replaced = false; // a new version took over while this page ran the old one
  const changed = () => window.dispatchEvent(new Event('trygg-worker'));
  const watch = (worker) => worker && worker.addEventListener('statechange', changed);
  const serving = () => !!(container && container.controller);
  return {
    start() {
      if (!container || started) return;
      started = true;
      container.register('sw.js', { scope: './' }).then((found) => {
        registration = found;
        watch(found.installing);
        found.addEventListener('updatefound', () => watch(found.installing));
        let served = serving();
        container.addEventListener('controllerchange', () => {
          // The learner asked for the new version; a first install changes nothing.
          if (reloadOnChange) window.location.reload();
          else if (served) replaced = true;
          served = true;
          changed();
        });
        // Browsers look for a new sw.js on each visit; an open page too, now and then.
        const check = () => found.update().catch(() => {});
        setInterval(check, 30 * 60 * 1000);
        window.addEventListener('online', check);
        changed();
      }).catch(() => {}); // without a worker the course works online, as before
    },
    serving,
    updateReady: () => replaced || !!(serving() && registration && registration.waiting),
    // Reloads into the new version, once it has taken over.
    accept() {
      if (registration && registration.waiting) {
        reloadOnChange = true;
        registration.waiting.postMessage({ type: 'activate' });
      } else {
        window.location.reload();
      }
    },
    // Asks the worker to fetch a group of the build's files and content files (addresses
    // relative to index.html) in the background, once it is there.
    keep(group, content) {
      if (!container) return;
      container.ready.then((ready) => ready.active && ready.active.postMessage({ type: 'keep', group, content }));
    },
  };
})();

// The module the address needs renders the first page by itself: a link straight into the
// course (my training, a lesson, a quiz), to the records (the certificate, my data) or to
// the manager view does not wait for the shell, which it would only hand the page on to. The same routes as
// `Part::of` in src/shared/handover.rs, which this runs before (a browser test opens each).
function firstModuleName(hash) {
  if (/^#\/(training|module\/)/.test(hash)) return 'trygg_course';
  if (/^#\/(certificate|data)/.test(hash)) return 'trygg_records';
  if (/^#\/manager/.test(hash)) return 'trygg_manager';
  return 'trygg-app';
}

// Why a module could not start, when the server is the cause: a script served as another type
// than JavaScript is refused by every browser, and the error the import gives does not say so.
async function serverFault(name) {
  try {
    const response = await fetch(new URL(`${name}.js`, document.baseURI), { method: 'HEAD', cache: 'no-store' });
    const type = response.headers.get('content-type') || '';
    if (!response.ok) return `${name}.js: HTTP ${response.status}`;
    if (!/javascript/i.test(type)) return `${name}.js is served as "${type}"; it must be text/javascript`;
  } catch (e) {
    // Unreachable: the connection is the likelier cause, which the message says.
  }
  return '';
}

if (window.location.protocol === 'file:') {
  fail('Utbildningen måste öppnas från en webbserver, inte som en fil från disken. Lägg mappen på en webbserver (se README.md) och öppna dess adress. / The training must be opened from a web server, not as a file from disk. Put the folder on a web server (see README.md) and open its address.', false);
} else if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  fail('Din webbläsare kan inte köra utbildningen (WebAssembly saknas eller är avstängt). Prova en aktuell version av Edge, Chrome, Firefox eller Safari. / Your browser cannot run the training (WebAssembly is missing or turned off). Try a current Edge, Chrome, Firefox or Safari.');
} else {
  // Every module's pages start from organisation.json and the language's words and names:
  // ask for them now, beside the wasm, and hand the requests to the first module (its
  // fetches take them by address, as the shell's requests for the course files are taken by
  // the course module). The language is the one saved by the last visit, else the page's own;
  // if the course does not offer it, the module asks for its first language instead.
  const prefetched = {};
  const ask = (url) => {
    prefetched[url] = fetch(url, { cache: 'no-cache' });
    prefetched[url].catch(() => {}); // the module reports a failure on its page
  };
  ask('content/organisation.json');
  const tag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
  let lang = document.documentElement.lang;
  try {
    const saved = window.localStorage.getItem('trygg:lang');
    if (saved && tag.test(saved)) lang = saved;
  } catch (e) {
    // Storage blocked: the page's own language.
  }
  if (tag.test(lang)) {
    const words = `content/languages/${lang}/ui.json`;
    ask(words);
    ask(`content/languages/${lang}/course.json`);
    if (lang !== document.documentElement.lang) {
      // A copy of the answer, read before the module takes the request.
      speak = prefetched[words]
        .then((response) => (response.ok ? response.clone().json() : null))
        .then((texts) => (texts && typeof texts === 'object' ? { lang, texts } : null))
        .catch(() => null);
      Promise.all([speak, pageParsed]).then(([found]) => {
        if (!failed) say(found, 'boot-message', 'boot.loading');
        say(found, 'boot-failed', 'boot.failed');
        say(found, 'boot-retry', 'boot.retry');
      });
    }
  }
  // A course page (and the certificate) also reads the structure of every module organisation.json lists: ask for
  // those as soon as that file is here, while the course module is still downloading, rather
  // than one round trip after the module has started. Once a module is mounted it asks by
  // itself, so a late answer asks for nothing.
  const firstName = firstModuleName(window.location.hash);
  const first = loaders[firstName];
  let mounted = false;
  if (first === loaders.trygg_course || first === loaders.trygg_records) {
    const id = /^[a-z0-9-]{1,64}$/;
    prefetched['content/organisation.json']
      .then((response) => (response.ok ? response.clone().json() : null))
      .then((organisation) => {
        const modules = organisation && Array.isArray(organisation.modules) ? organisation.modules : [];
        if (mounted) return;
        modules.filter((m) => typeof m === 'string' && id.test(m)).forEach((m) => ask(`content/modules/${m}.json`));
      })
      .catch(() => {}); // the course module reads the file itself and reports what is wrong
  }
  Promise.all([first(), pageParsed])
    .then(([module]) => {
      mounted = true;
      // The start of a visit, as `Handover::read` in src/shared/handover.rs reads it.
      return module.mount({ first: true, prefetched, loaders, worker });
    })
    .catch(async (error) => {
      console.error(error);
      // Offline, the worker (sw.js) had not kept this part yet: say that, not "check the connection".
      if (navigator.onLine === false) {
        fail('Du är utan nätverk, och den här delen av utbildningen har inte sparats på den här enheten än. Öppna den en gång när du har nätverk. / You are offline, and this part of the training has not been saved on this device yet. Open it once while you are online.',
          true, '', 'boot.offline');
        return;
      }
      fail('Utbildningen kunde inte laddas. Kontrollera anslutningen och försök igen. / The training could not be loaded. Check your connection and try again.',
        true, await serverFault(firstName), 'boot.load_failed');
    });
}
