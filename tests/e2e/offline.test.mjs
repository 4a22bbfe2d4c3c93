// Offline use (issue 20): after a first visit online the course works without a network
// (the start page, a deep link, a quiz, the certificate PDF and completion file); a new build
// on the server is offered to the open page and taken on the learner's word, never in the
// middle of a quiz answer; a content edit shows on the next online visit without a new build;
// no worker inside an LMS; the withdraw worker removes it and its caches; what was never
// fetched (course files, the manager view, a language) says so in plain words; the manifest
// makes the course installable. All from the sub-path with the strict CSP. Tests that change
// files on the server serve a copy of dist/.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { openPage, expectAxeClean, heading, assert, CHROMIUM_ARGS } from './harness.mjs';
import { finishQuiz, loadModule, press, requiredModules, answerQuestion, next, word } from './quiz-driver.mjs';
import { LMS_PATH, SUB_PATH, startServer } from './server.mjs';

/** Runs in each page before its scripts: notes whether the page was usable (its heading on
 *  screen, not the loading page) when it registered the worker. */
function watchRegistration() {
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function registerWatched(...args) {
    window.registeredWhenUsable ??= !!document.querySelector('main:not([data-route="loading"]) #page-title');
    return register.apply(this, args);
  };
}

async function freshContext(t) {
  const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  t.contexts.push(context);
  await context.addInitScript(watchRegistration);
  return context;
}

/** Waits until a worker serves the page. */
async function workerServes(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
}

/** The paths in each of the origin's caches, by cache name. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return out;
  });
}

/** Polls `predicate` (an async function run in the page) until it holds. */
async function until(page, predicate, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

/** Waits until every one of `files` (paths under the sub-path) is in some cache. */
async function waitKept(page, files, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const kept = Object.values(await cacheContents(page)).flat();
    const missing = files.filter((file) => !kept.includes(SUB_PATH + file));
    if (!missing.length) return;
    if (Date.now() > until) assert.fail(`not kept for offline use: ${missing.join(', ')}`);
    await page.waitForTimeout(200);
  }
}

/** A copy of dist/ served on a server of its own, to change files on as a deploy would. */
async function deployedCopy(t) {
  const dir = await mkdtemp(path.join(tmpdir(), 'trygg-offline-'));
  await cp(path.join(t.root, 'dist'), dir, { recursive: true });
  const server = await startServer(dir);
  t.contexts.push({ pages: () => [], close: async () => { server.close(); await rm(dir, { recursive: true, force: true }); } });
  return { dir, server };
}

/** The build a folder's worker was made for. */
async function buildVersion(dir) {
  return /"version": "([0-9a-f]+)"/.exec(await readFile(path.join(dir, 'sw.js'), 'utf8'))[1];
}

const pdftotext = (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

async function save(page, button, file) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  await download.saveAs(file);
  return file;
}

async function passQuiz(page, root, id) {
  await page.goto(page.url().replace(/#.*$/, `#/module/${id}/quiz`));
  await page.waitForSelector(`main[data-route="#/module/${id}/quiz"]`);
  await press(page, 'Starta kunskapsprovet');
  await finishQuiz(page, await loadModule(root, id));
  assert.match(await page.textContent('.result-box'), /Godkänt!/, `module ${id}`);
}

const PROGRESS = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':progress'))
  .map((k) => localStorage.getItem(k)).join(''));

export default [
  {
    name: 'after a first visit online, the course works offline: start page, deep link, quiz, certificate PDF and completion file',
    async run(t) {
      const context = await freshContext(t);
      const page = await openPage(t, '#/', { context });
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      await workerServes(page);
      assert.equal(await page.evaluate(() => window.registeredWhenUsable), true, 'registered once the page was usable');
      const required = await requiredModules(t.root);
      const last = required.at(-1);
      for (const id of required.slice(0, -1)) await passQuiz(page, t.root, id);
      // Kept in the background once the course ran: the records module (the certificate),
      // the PDF maker, its fonts, the course's structure and the shown language's files
      // (words, names, every module's texts).
      await waitKept(page, ['index.html', 'trygg_course_bg.wasm', 'trygg_records_bg.wasm', 'trygg_records.js',
        'trygg_pdf_bg.wasm', 'trygg_pdf.js',
        'fonts/trygg-sans.ttf', 'fonts/trygg-sans-bold.ttf', 'content/organisation.json',
        'content/languages/sv/ui.json', 'content/languages/sv/course.json',
        ...required.map((id) => `content/modules/${id}.json`),
        ...required.map((id) => `content/languages/sv/modules/${id}.json`)]);
      const caches = await cacheContents(page);
      const kept = Object.values(caches).flat();
      assert.ok(kept.every((p) => !/progress|backup/.test(p)), 'no learner data in any cache');
      assert.ok(!kept.some((p) => p.includes('trygg_manager')), 'the manager view is not fetched for a learner');
      assert.ok(!kept.some((p) => /content\/languages\/(?!sv\/)/.test(p)), `only the shown language's files: ${kept}`);
      assert.ok(!kept.some((p) => p.endsWith('content/sources.json')), 'nor what only reviewers read');

      await context.setOffline(true);
      await page.goto(page.url().replace(/#.*$/, '#/'));
      await page.reload();
      await page.waitForSelector('main[data-route="#/"]');
      assert.equal(await heading(page), 'Välkommen till Trygg');
      await page.waitForSelector('.offline-notice [data-offline]');
      assert.equal((await page.textContent('.offline-notice')).trim(), word('sv', 'offline.working'));
      await expectAxeClean(page, 'start page offline');

      // A deep link into a lesson, in a new tab, offline.
      const deep = await openPage(t, `#/module/${last}/lesson/2`, { context });
      await deep.waitForSelector(`main[data-route="#/module/${last}/lesson/2"]`);
      assert.equal((await deep.textContent('.offline-notice')).trim(), word('sv', 'offline.working'));
      await passQuiz(deep, t.root, last);

      // The certificate, its PDF and the completion file, all made offline.
      await deep.goto(deep.url().replace(/#.*$/, '#/certificate'));
      await deep.waitForSelector('.details-form');
      await deep.fill('#full-name', 'Åsa Offlinesson');
      await deep.getByRole('button', { name: 'Spara och visa intyget' }).click();
      await deep.waitForSelector('.certificate-preview');
      const record = JSON.parse(await readFile(await save(deep, 'Ladda ner fil till chefen (JSON)', path.join(t.artifacts, 'offline.json')), 'utf8'));
      assert.equal(record.learner.full_name, 'Åsa Offlinesson');
      assert.equal(record.modules.length, required.length);
      const pdf = await save(deep, 'Ladda ner intyget (PDF)', path.join(t.artifacts, 'offline.pdf'));
      assert.ok(pdftotext(pdf).includes('Åsa Offlinesson'), 'the PDF made offline names the learner');
      await expectAxeClean(deep, 'certificate offline');
      await context.setOffline(false);
      await deep.waitForSelector('.offline-notice [data-offline]', { state: 'detached' });
    },
  },
  {
    name: 'the first visit registers the worker only once the page is usable, on the start page and on a deep link',
    async run(t) {
      for (const [hash, route] of [['#/', '#/'], ['#/training', '#/training'], ['#/module/roles/lesson/1', '#/module/roles/lesson/1']]) {
        const context = await freshContext(t);
        const page = await openPage(t, hash, { context });
        await page.waitForSelector(`main[data-route="${route}"]`);
        await workerServes(page);
        assert.equal(await page.evaluate(() => window.registeredWhenUsable), true, hash);
        const [scope] = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
        assert.equal(new URL(scope).pathname, SUB_PATH, 'the scope is the sub-path');
      }
    },
  },
  {
    name: 'a new build on the server is offered to the open page, never in a quiz, and taken on the learner\'s word',
    async run(t) {
      const { dir, server } = await deployedCopy(t);
      const old = await buildVersion(dir);
      const context = await freshContext(t);
      const page = await openPage(t, '#/', { context, base: server.subUrl });
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      await workerServes(page);
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/lesson/2'));
      await page.waitForSelector('main[data-route="#/module/roles/lesson/2"]');
      const progress = await PROGRESS(page);
      assert.match(progress, /"roles"/);

      // In a quiz with a choice picked but not checked, the new build arrives.
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/quiz'));
      await page.waitForSelector('main[data-route="#/module/roles/quiz"]');
      await press(page, 'Starta kunskapsprovet');
      await page.waitForSelector('.question-card');
      const picked = await page.$('.question-card input[type=radio], .question-card input[type=checkbox]');
      if (picked) await picked.check();
      // Deploy: a changed file, and the worker made again by the release step.
      await appendFile(path.join(dir, 'boot.js'), '\nwindow.tryggTestBuild = 2;\n');
      execFileSync('node', [path.join(t.root, 'scripts/make-worker.mjs'), dir], { stdio: 'ignore' });
      const fresh = await buildVersion(dir);
      assert.notEqual(fresh, old, 'a changed file changes sw.js');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(page, async () => !!(await navigator.serviceWorker.getRegistration())?.waiting, 'the new build waiting');
      await page.waitForTimeout(500);
      assert.equal(await page.locator('.offline-notice [data-update]').count(), 0, 'no reload offered in a quiz');
      if (picked) assert.equal(await picked.isChecked(), true, 'the choice is still there');

      // Answered and saved, the learner leaves the quiz: now it is offered.
      await answerQuestion(page, await loadModule(t.root, 'roles'));
      await next(page);
      await page.goto(page.url().replace(/#.*$/, '#/training'));
      await page.waitForSelector('.offline-notice [data-update]');
      assert.ok((await page.textContent('.offline-notice')).includes(word('sv', 'offline.update_ready')));
      await expectAxeClean(page, 'update offered');
      const saved = await PROGRESS(page);
      assert.equal(await page.evaluate(() => window.tryggTestBuild), undefined, 'still the old build');
      // A second tab of the old build is open too.
      const other = await openPage(t, '#/about', { context, base: server.subUrl });
      await other.waitForSelector('.offline-notice [data-update]');
      // By keyboard: the button is reachable and reloads into the new build.
      await page.focus('.offline-notice button');
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await page.waitForSelector('main[data-route="#/training"]');
      assert.equal(await page.evaluate(() => window.tryggTestBuild), 2, 'the new build runs');
      assert.equal(await PROGRESS(page), saved, 'progress is intact');
      const names = Object.keys(await cacheContents(page));
      assert.ok(names.some((n) => n.endsWith(` app ${fresh}`)), `the new build's cache: ${names}`);
      assert.ok(!names.some((n) => n.endsWith(` app ${old}`)), `the old build's cache is gone: ${names}`);
      assert.equal(await page.locator('.offline-notice [data-update]').count(), 0);
      // The other tab is not reloaded under its learner: it goes on offering the new build.
      await other.waitForTimeout(500);
      assert.equal(await other.evaluate(() => window.tryggTestBuild), undefined, 'the other tab was not reloaded');
      assert.equal(await other.locator('.offline-notice [data-update]').count(), 1, 'and still offers the new build');
      await Promise.all([other.waitForEvent('load'), other.click('.offline-notice button')]);
      await other.waitForSelector('main[data-route="#/about"]');
      assert.equal(await other.evaluate(() => window.tryggTestBuild), 2);
    },
  },
  {
    name: 'a content edit on the server shows on the next online visit without a new build; offline, the last fetched copy',
    async run(t) {
      const { dir, server } = await deployedCopy(t);
      // A module's title, in the Swedish course texts.
      const file = path.join(dir, 'content/languages/sv/course.json');
      const original = JSON.parse(await readFile(file, 'utf8'));
      const retitle = async (title) => writeFile(file, JSON.stringify({
        ...original, modules: { ...original.modules, roles: { ...original.modules.roles, title } },
      }, null, 2));
      const context = await freshContext(t);
      const page = await openPage(t, '#/training', { context, base: server.subUrl });
      await workerServes(page);
      assert.ok((await page.textContent('main')).includes(original.modules.roles.title));

      await retitle('Roller, redigerad på servern');
      await page.reload();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.ok((await page.textContent('main')).includes('Roller, redigerad på servern'), 'the edit shows online, with no new build');

      await context.setOffline(true);
      await retitle('Roller, en andra ändring');
      await page.reload();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.ok((await page.textContent('main')).includes('Roller, redigerad på servern'), 'offline: the last fetched copy');
      await context.setOffline(false);
      await page.reload();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.ok((await page.textContent('main')).includes('Roller, en andra ändring'), 'online again: the newest');
    },
  },
  {
    name: 'offline, what this device never fetched says so in plain words: the course files, the manager view, a language',
    async run(t) {
      const context = await freshContext(t);
      const page = await openPage(t, '#/', { context });
      await workerServes(page);
      // English is read once online, Finnish never.
      const pick = async (tag) => page.click(`.lang-switch button[lang="${tag}"]`);
      await pick('en');
      await page.waitForSelector('html[lang="en"] main[data-route="#/"]');
      await pick('sv');
      await page.waitForSelector('html[lang="sv"] main[data-route="#/"]');
      await waitKept(page, ['index.html', 'trygg_course_bg.wasm', 'content/organisation.json',
        'content/languages/sv/ui.json', 'content/languages/sv/course.json',
        'content/languages/en/ui.json', 'content/languages/en/course.json']);
      await context.setOffline(true);
      await page.reload();
      await page.waitForSelector('main[data-route="#/"]');
      // The course's module files were never fetched on this device.
      await page.click('.site-header a[href="#/training"]');
      await page.waitForSelector('main[data-route="content-error"]');
      const text = await page.textContent('main');
      assert.ok(text.includes(word('sv', 'offline.not_kept')), text);
      assert.ok(!text.includes(word('sv', 'content_error.who')), 'not reported as a fault of the course');
      await expectAxeClean(page, 'content never fetched, offline');
      // The manager view was never opened.
      await page.click('.site-header a[href="#/manager"]');
      await page.waitForSelector('main[data-route="module-error"]');
      assert.ok((await page.textContent('main')).includes(word('sv', 'offline.manager_missing')));
      // Its heading names the manager view, not the training, and takes the focus the
      // clicked link's page gave up.
      assert.equal((await page.textContent('main h1')).trim(), word('sv', 'manager.unavailable'));
      await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
      // A language read before switches offline too.
      await pick('en');
      await page.waitForFunction((text) => document.querySelector('main')?.textContent.includes(text), word('en', 'offline.manager_missing'));
      assert.ok((await page.textContent('.offline-notice')).includes(word('en', 'offline.working')));
      await expectAxeClean(page, 'manager never opened, offline (English)');
      // A language never read says so, and the page stays as it is, in the language it shows.
      await pick('fi');
      await page.waitForSelector('.offline-notice [data-language]');
      const missing = word('en', 'offline.language_missing').replace('{language}', 'Suomi');
      assert.equal((await page.textContent('.offline-notice [data-language]')).trim(), missing);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.getAttribute('.lang-switch button[lang="en"]', 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute('.lang-switch button[lang="fi"]', 'aria-pressed'), 'false');
      assert.ok((await page.textContent('main')).includes(word('en', 'offline.manager_missing')), 'the page is kept');
      await expectAxeClean(page, 'a language never fetched, offline');
      // The same from the start page, which another module shows.
      await page.click('.site-header a[href="#/"]');
      await page.waitForSelector('main[data-route="#/"]');
      await pick('fi');
      await page.waitForSelector('.offline-notice [data-language]');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await heading(page), word('en', 'start.title'));
      // A link straight to the manager view, in a new tab: the start-up says the same.
      const direct = await context.newPage();
      await direct.goto(`${t.server.subUrl}#/manager`);
      await direct.waitForSelector('#boot-retry:not([hidden])', { timeout: 15000 });
      assert.match(await direct.textContent('#boot-message'), /You are offline, and this part of the training has not been saved on this device yet/);
      // Back online, the language and the manager view both open.
      await context.setOffline(false);
      await pick('fi');
      await page.waitForSelector('html[lang="fi"] main[data-route="#/"]');
      assert.equal(await page.locator('.offline-notice [data-language]').count(), 0);
      await page.click('.site-header a[href="#/manager"]');
      await page.waitForSelector('main[data-route="#/manager"]');
      // The failed requests are the point of this test.
      t.problems = t.problems.filter((p) => !/Failed to load resource|trygg_manager|could not be loaded/.test(p));
    },
  },
  {
    name: 'inside an LMS no worker is registered, nor from a package that finds no LMS API; the same course without an LMS API registers one',
    async run(t) {
      // A package's launch (`?lms=scorm`) that finds no API is still on the LMS's server: no
      // worker there either.
      const cases = [
        { withApi: true, query: 'role=employee', worker: false },
        { withApi: false, query: 'lms=scorm&role=employee', worker: false },
        { withApi: false, query: 'role=employee', worker: true },
      ];
      for (const { withApi, query, worker } of cases) {
        const context = await freshContext(t);
        const lms = await context.newPage();
        lms.on('console', (msg) => { if (msg.type() === 'error') t.problems.push(`console: ${msg.text()}`); });
        await lms.goto(t.server.url + LMS_PATH.slice(1) + 'index.html');
        await lms.evaluate(({ withApi, src }) => {
          /* global Scorm12API */
          if (withApi) window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
          const frame = document.createElement('iframe');
          frame.title = 'Course';
          frame.src = src;
          document.body.append(frame);
        }, { withApi, src: `${SUB_PATH}index.html?${query}#/training` });
        const frame = await (await lms.waitForSelector('iframe')).contentFrame();
        await frame.waitForSelector('main[data-route="#/training"] #page-title', { timeout: 20000 });
        const registered = () => lms.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
        if (!worker) {
          await lms.waitForTimeout(1500);
          assert.equal(await registered(), 0, `no worker inside an LMS (${query}, API: ${withApi})`);
          assert.equal(await frame.evaluate(() => !!navigator.serviceWorker.controller), false);
        } else {
          await until(lms, async () => (await navigator.serviceWorker.getRegistrations()).length === 1, 'a worker without an LMS');
        }
      }
    },
  },
  {
    name: 'the withdraw worker removes the worker and its caches, and the course goes on from the server',
    async run(t) {
      const { dir, server } = await deployedCopy(t);
      const context = await freshContext(t);
      const page = await openPage(t, '#/training', { context, base: server.subUrl });
      await workerServes(page);
      await waitKept(page, ['index.html', 'content/organisation.json']);
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/lesson/1'));
      await page.waitForSelector('main[data-route="#/module/roles/lesson/1"]');
      const progress = await PROGRESS(page);
      const ours = async () => Object.keys(await cacheContents(page)).filter((n) => n.startsWith(`trygg ${server.subUrl} `));
      assert.ok((await ours()).length >= 2, 'an application and a content cache');

      // IT copies sw-withdraw.js over sw.js; the browser's next check finds it.
      await cp(path.join(dir, 'sw-withdraw.js'), path.join(dir, 'sw.js'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await until(page, async () => (await navigator.serviceWorker.getRegistrations()).length === 0, 'the worker unregistered');
      assert.deepEqual(await ours(), [], 'its caches are gone');
      // The open page goes on, and a reload comes from the server with no worker serving it.
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/lesson/2'));
      await page.waitForSelector('main[data-route="#/module/roles/lesson/2"]');
      await page.reload();
      await page.waitForSelector('main[data-route="#/module/roles/lesson/2"]');
      assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false);
      await page.waitForTimeout(1000);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'none comes back');
      assert.deepEqual(await ours(), []);
      assert.ok((await PROGRESS(page)).startsWith(progress.slice(0, 20)), 'progress untouched');
    },
  },
  {
    name: 'the manifest makes the course installable from the sub-path: relative start and scope, icons, theme colours',
    async run(t) {
      // Chromium checks installability only outside incognito: a profile on disk.
      const profile = await mkdtemp(path.join(tmpdir(), 'trygg-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
      });
      t.contexts.push({ pages: () => context.pages(), close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } });
      const page = await openPage(t, '#/', { context });
      await workerServes(page);
      const cdp = await page.context().newCDPSession(page);
      const { errors, data, url } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, [], 'Chromium reads the manifest without errors');
      assert.equal(new URL(url).pathname, `${SUB_PATH}manifest.json`);
      const manifest = JSON.parse(data);
      assert.equal(manifest.start_url, './');
      assert.equal(manifest.scope, './');
      const css = await readFile(path.join(t.root, 'styles/main.css'), 'utf8');
      const root = /:root\s*\{([^}]*)\}/.exec(css)[1];
      assert.equal(manifest.theme_color, /--accent:\s*(#[0-9a-f]+)/i.exec(root)[1]);
      assert.equal(manifest.background_color, /--bg:\s*(#[0-9a-f]+)/i.exec(root)[1]);
      for (const icon of manifest.icons) {
        const png = await readFile(path.join(t.root, 'dist', icon.src));
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        assert.equal(`${width}x${height}`, icon.sizes, icon.src);
      }
      assert.ok(manifest.icons.some((i) => i.sizes === '192x192'));
      assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'installable');
    },
  },
];
