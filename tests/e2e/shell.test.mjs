// The app shell: renders from a sub-path under the strict CSP, navigates and switches
// language by keyboard, survives reload on deep links, and is axe-clean on every route.
// Tests of what a page fetches count the page's own requests: the service worker's, which
// keep the course for offline use, start only once the page is usable (offline.test.mjs).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { openPage, expectAxeClean, tabTo, heading, assert } from './harness.mjs';
import { startServer } from './server.mjs';
import { loadOrganisation, shippedLanguages, word } from './quiz-driver.mjs';

const ROUTES = ['#/', '#/training', '#/module/roles/lesson/1', '#/certificate', '#/manager', '#/data', '#/about', '#/no-such-page'];

export default [
  {
    name: 'renders from a sub-path and from the root, with Swedish as default',
    async run(t) {
      const page = await openPage(t, '#/');
      assert.equal(await heading(page), 'Välkommen till Trygg');
      assert.equal(await page.getAttribute('html', 'lang'), 'sv');
      assert.match(await page.textContent('.brand-org'), /Exempelregionen/);
      assert.equal(await page.locator('#boot').count(), 0, 'the boot screen is gone');
      const atRoot = await openPage(t, '#/about', { base: t.server.url });
      assert.equal(await heading(atRoot), 'Om Trygg');
    },
  },
  {
    name: 'navigation and language switch work by keyboard alone, and focus moves to the new page',
    async run(t) {
      const page = await openPage(t, '#/');
      await tabTo(page, () => document.activeElement?.getAttribute('href') === '#/about');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Om Trygg');
      await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
      assert.equal(await page.title(), 'Om Trygg – Trygg');
      // Every other shipped language, by its button in the header, and back to the first.
      const [first, ...others] = await shippedLanguages(t.root);
      for (const { tag, name } of [...others, first]) {
        await tabTo(page, (n) => document.activeElement?.textContent === n, 40, name);
        await page.keyboard.press('Enter');
        await page.waitForFunction((l) => document.documentElement.lang === l, tag);
        assert.equal(await heading(page), word(tag, 'page.about'));
        assert.equal(await page.getAttribute('a[href="#/training"]', 'aria-current'), null);
        // The choice is remembered across a reload.
        await page.reload();
        await page.waitForSelector('#page-title');
        assert.equal(await heading(page), word(tag, 'page.about'));
        assert.equal(await page.getAttribute('html', 'lang'), tag);
      }
    },
  },
  {
    name: 'the skip link moves focus to the main content',
    async run(t) {
      const page = await openPage(t, '#/about');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      assert.match(page.url(), /#\/about$/, 'the route did not change');
    },
  },
  {
    name: 'a deep link survives reload, and unknown routes show the not-found page',
    async run(t) {
      const page = await openPage(t, '#/module/roles/lesson/2');
      const before = await heading(page);
      await page.reload();
      await page.waitForSelector('#page-title');
      assert.equal(await heading(page), before);
      const missing = await openPage(t, '#/no-such-page');
      assert.equal(await heading(missing), 'Sidan hittades inte');
      // A module the course does not have (an old bookmark), opened as a link and from a page.
      for (const route of ['#/module/no-such-module/lesson/1', '#/module/no-such-module/quiz']) {
        const linked = await openPage(t, route);
        assert.equal(await heading(linked), 'Sidan hittades inte', `${route} as a link`);
        await linked.evaluate(() => { window.location.hash = '#/training'; });
        await linked.waitForSelector('main[data-route="#/training"]');
        await linked.evaluate((r) => { window.location.hash = r; }, route);
        await linked.waitForFunction(() => document.querySelector('#page-title')?.textContent.trim() === 'Sidan hittades inte');
      }
    },
  },
  {
    name: 'axe-core finds no WCAG 2.1 A/AA violations on any route, in every shipped language and at 320 px',
    async run(t) {
      const languages = await shippedLanguages(t.root);
      for (const route of ROUTES) {
        const page = await openPage(t, route);
        for (const { tag } of languages) {
          await page.click(`.lang-switch button[lang="${tag}"]`);
          await page.waitForFunction((l) => document.documentElement.lang === l, tag);
          await page.waitForSelector('main[data-route]');
          await expectAxeClean(page, `${route} (${tag})`);
        }
        await page.close();
      }
      // At 320 px (400 % zoom) nothing scrolls sideways: not the contact box's e-mail address
      // (report, lesson 3), not the about page's one-word heading "Tillgänglighetsredogörelse".
      const narrow = await openPage(t, '#/module/violence/lesson/1', { viewport: { width: 320, height: 640 } });
      await expectAxeClean(narrow, 'lesson at 320 px');
      for (const route of ['#/module/violence/lesson/1', '#/module/report/lesson/3', '#/about', '#/', '#/training']) {
        await narrow.goto(narrow.url().replace(/#.*$/, route));
        await narrow.waitForSelector(`main[data-route="${route}"] #page-title`);
        const wider = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.equal(wider, 0, `no horizontal scrolling at 320 px on ${route}`);
      }
    },
  },
  {
    name: 'a broken content file shows the error page with a retry, never a blank page',
    async run(t) {
      t.server.blocked.add('modules/threats.json');
      try {
        const page = await openPage(t, '#/training');
        await page.waitForSelector('main[data-route="content-error"]');
        assert.equal(await heading(page), 'Utbildningen kunde inte laddas');
        assert.match(await page.textContent('main'), /content\/modules\/threats\.json/);
        await expectAxeClean(page, 'content error page');
        // Pages that need only organisation.json still work, so progress can always be saved.
        await page.goto(page.url().replace(/#.*$/, '#/'));
        await page.waitForSelector('main[data-route="#/"]');
        // A role chosen there is saved, though the course it leads to cannot open.
        await page.getByLabel('Chef', { exact: true }).check();
        await page.getByRole('button', { name: 'Börja utbildningen' }).click();
        await page.waitForSelector('main[data-route="content-error"]');
        await page.goto(page.url().replace(/#.*$/, '#/data'));
        await page.waitForSelector('main[data-route="#/data"]');
        assert.equal(await heading(page), 'Mina uppgifter');
        await page.getByRole('button', { name: 'Ladda ner mina framsteg' }).waitFor();
        await page.goto(page.url().replace(/#.*$/, '#/training'));
        await page.waitForSelector('main[data-route="content-error"]');
        t.server.blocked.clear();
        await page.click('button:has-text("Försök igen")');
        await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Min utbildning');
      } finally {
        t.server.blocked.clear();
      }
      // The console error for the failed request is expected here.
      t.problems = t.problems.filter((p) => !p.includes('500'));
    },
  },
  {
    name: 'a broken organisation.json, words or course names file shows the start screen failing, naming the file, never a blank page',
    async run(t) {
      for (const [file, hash] of [['content/organisation.json', '#/'], ['content/languages/sv/ui.json', '#/training'], ['content/languages/sv/course.json', '#/data']]) {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        let broken = true;
        // The file as a security officer might leave it: a comma after the last entry.
        await context.route(`**/${file}`, async (route) => {
          if (!broken) return route.continue();
          const response = await route.fetch();
          return route.fulfill({ response, body: (await response.text()).replace(/\}\s*$/, ',}') });
        });
        const page = await context.newPage();
        await page.goto(t.server.subUrl + hash);
        await page.waitForSelector('#boot-failed:not([hidden])', { timeout: 20000 });
        const name = file.split('/').pop();
        assert.match(await page.textContent('#boot-detail'), new RegExp(`${name.replace('.', '\\.')}.*comma after the last entry`), `${file}: the file and the fault are named`);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'boot-retry', `${file}: focus on "try again"`);
        await expectAxeClean(page, `start screen with ${file} broken`);
        broken = false;
        await page.click('#boot-retry');
        await page.waitForSelector('#page-title', { timeout: 20000 });
      }
      // Another language's broken file: the page stays in Swedish, and the notice marks the
      // content check's English words as English (WCAG 3.1.2).
      const context = await t.browser.newContext();
      t.contexts.push(context);
      await context.route('**/content/languages/fi/ui.json', async (route) => {
        const response = await route.fetch();
        return route.fulfill({ response, body: (await response.text()).replace(/\}\s*$/, ',}') });
      });
      const page = await context.newPage();
      await page.goto(t.server.subUrl + '#/');
      await page.waitForSelector('#page-title');
      await page.click('#lang-fi');
      const problem = await page.waitForSelector('.offline-notice [data-language] [lang="en"]');
      assert.match(await problem.textContent(), /fi\/ui\.json.*comma after the last entry/);
      assert.equal(await page.getAttribute('html', 'lang'), 'sv', 'the page stays Swedish');
    },
  },
  {
    name: 'a broken module text file stops only that module: my training and the other modules still open, and trying again reads it afresh',
    async run(t) {
      t.server.blocked.add('languages/sv/modules/report.json');
      try {
        const page = await openPage(t, '#/module/report/lesson/1');
        await page.waitForSelector('main[data-route="content-error"]');
        assert.match(await page.textContent('main'), /languages\/sv\/modules\/report\.json/);
        await expectAxeClean(page, 'a module whose texts could not be read');
        await page.click('.site-header a[href="#/training"]');
        await page.waitForSelector('main[data-route="#/training"] .module-card');
        await page.goto(page.url().replace(/#.*$/, '#/module/roles/lesson/1'));
        await page.waitForSelector('main[data-route="#/module/roles/lesson/1"] .lesson');
        await page.goto(page.url().replace(/#.*$/, '#/module/report/lesson/1'));
        await page.waitForSelector('main[data-route="content-error"]');
        t.server.blocked.clear();
        await page.click('button:has-text("Försök igen")');
        await page.waitForSelector('main[data-route="#/module/report/lesson/1"] .lesson');
      } finally {
        t.server.blocked.clear();
      }
      // The console error for the failed request is expected here.
      t.problems = t.problems.filter((p) => !p.includes('500'));
    },
  },
  {
    name: 'a module listed in organisation.json without its file is named by its place in the list, as the content check names it',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      // As a security officer might leave it: a new module listed before its file is there.
      await context.route('**/content/organisation.json', async (route) => {
        const response = await route.fetch();
        const organisation = JSON.parse(await response.text());
        organisation.modules.push('kommunens-rutiner');
        return route.fulfill({ response, body: JSON.stringify(organisation, null, 2) });
      });
      const page = await context.newPage();
      await page.goto(t.server.subUrl + '#/training');
      await page.waitForSelector('main[data-route="content-error"]', { timeout: 20000 });
      assert.match(await page.textContent('main'),
        /organisation\.json: modules\[7\]: module "kommunens-rutiner" is listed but modules\/kommunens-rutiner\.json is missing/);
      await expectAxeClean(page, 'a listed module without its file');
      // The console error for the missing file is expected here.
      t.problems = t.problems.filter((p) => !p.includes('404'));
    },
  },
  {
    name: 'a text deleted from the Swedish words, or a placeholder the app does not fill in, is named on the course pages with its file and key',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      let broken = true;
      // As a security officer might leave the file: {mark} retyped as {procent}, and the
      // "check answer" text deleted.
      await context.route('**/content/languages/sv/ui.json', async (route) => {
        if (!broken) return route.continue();
        const response = await route.fetch();
        const words = JSON.parse(await response.text());
        words['quiz.intro.pass'] = words['quiz.intro.pass'].replace('{mark}', '{procent}');
        delete words['quiz.check'];
        return route.fulfill({ response, body: JSON.stringify(words, null, 2) });
      });
      const page = await context.newPage();
      await page.goto(t.server.subUrl + '#/training');
      await page.waitForSelector('#boot-failed:not([hidden])', { timeout: 20000 });
      const detail = await page.textContent('#boot-detail');
      assert.match(detail, /ui\.json.*quiz\.intro\.pass.*\{procent\}, which the app does not fill in/s, detail);
      assert.match(detail, /ui\.json.*quiz\.check.*text is missing/s, detail);
      await expectAxeClean(page, 'start screen naming two faults in the words');
      broken = false;
      await page.click('#boot-retry');
      await page.waitForSelector('main[data-route="#/training"]', { timeout: 20000 });
    },
  },
  {
    name: 'the start screen gives way to the page without moving it (no layout shift), on a slow processor too',
    async run(t) {
      for (const hash of ['#/', '#/training']) {
        const context = await t.browser.newContext({ viewport: { width: 412, height: 823 } });
        t.contexts.push(context);
        const page = await context.newPage();
        // As Lighthouse's phone: a processor four times slower, so rendering spans frames.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(t.server.subUrl + hash);
        await page.waitForSelector('#page-title', { timeout: 30000 });
        await page.waitForTimeout(500);
        const shift = await page.evaluate(() => new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }));
        assert.ok(shift < 0.01, `${hash}: cumulative layout shift ${shift.toFixed(3)}`);
        assert.equal(await page.locator('#boot').count(), 0, `${hash}: the start screen is gone`);
      }
    },
  },
  {
    name: 'the course files are requested together, not one after another',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      // Hold every module file until all have been asked for: a loader that waits for one
      // file before asking for the next never gets past the first.
      const count = (await loadOrganisation(t.root)).modules.length;
      const held = [];
      let release;
      const allAsked = new Promise((resolve) => { release = resolve; });
      await context.route('**/content/modules/*.json', async (route) => {
        held.push(route.request().url());
        if (held.length === count) release();
        await Promise.race([allAsked, new Promise((r) => setTimeout(r, 10000))]);
        await route.continue();
      });
      const started = Date.now();
      const page = await openPage(t, '#/training', { context });
      assert.equal(held.length, count, `requests sent before the first answer: ${held.length}`);
      assert.ok(Date.now() - started < 10000, 'the content loaded without waiting out the hold');
      assert.equal(await heading(page), 'Min utbildning');
    },
  },
  {
    name: 'a link into the course asks for the modules\' structure while the course module is still on its way, each file once',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      const modules = (await loadOrganisation(t.root)).modules;
      const asked = [];
      context.on('request', (r) => {
        const file = new URL(r.url()).pathname;
        if (!r.serviceWorker() && /\/content\/modules\//.test(file)) asked.push(file.split('/').pop());
      });
      // Hold the course module until every module file has been asked for: before boot.js
      // asked for them, only the course module did, after it had arrived.
      let release;
      const allAsked = new Promise((resolve) => { release = resolve; });
      let askedWhileHeld = null;
      await context.route('**/trygg_course_bg.wasm', async (route) => {
        // The offline worker keeps the module later on: only the page's own request is held.
        if (route.request().serviceWorker() || askedWhileHeld !== null) return route.continue();
        const waited = setInterval(() => { if (asked.length >= modules.length) release(); }, 20);
        await Promise.race([allAsked, new Promise((r) => setTimeout(r, 8000))]);
        clearInterval(waited);
        askedWhileHeld = asked.length;
        await route.continue();
      });
      const page = await openPage(t, '#/training', { context });
      assert.equal(await heading(page), 'Min utbildning');
      assert.equal(askedWhileHeld, modules.length, 'every module file asked for before the course module arrived');
      assert.deepEqual([...asked].sort(), modules.map((m) => `${m}.json`).sort(), 'each module file asked for once');
    },
  },
  {
    name: 'a link into the course asks for the modules\' texts only once my training is shown, each once, also without requestIdleCallback',
    async run(t) {
      const modules = (await loadOrganisation(t.root)).modules;
      // Browsers without requestIdleCallback (Safari) wait on a timer instead.
      for (const withoutIdle of [false, true]) {
        const where = withoutIdle ? 'without requestIdleCallback' : 'with requestIdleCallback';
        const context = await t.browser.newContext();
        t.contexts.push(context);
        // When my training appeared, on the page's clock (a mutation is seen in the task
        // that made it, before any later task could ask for a file).
        await context.addInitScript((withoutIdle) => {
          if (withoutIdle) window.requestIdleCallback = undefined;
          new MutationObserver((_, observer) => {
            if (document.querySelector('main[data-route="#/training"]')) {
              window.trainingShownAt = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true, attributes: true });
        }, withoutIdle);
        const asked = [];
        context.on('request', (r) => {
          const file = new URL(r.url()).pathname;
          if (!r.serviceWorker() && /\/languages\/sv\/modules\//.test(file)) asked.push(file.split('/').pop());
        });
        const page = await openPage(t, '#/training', { context });
        assert.equal(await heading(page), 'Min utbildning');
        await page.waitForFunction((n) => performance.getEntriesByType('resource')
          .filter((e) => e.name.includes('/languages/sv/modules/')).length >= n, modules.length, { timeout: 10000 });
        const { shownAt, started } = await page.evaluate(() => ({
          shownAt: window.trainingShownAt,
          started: performance.getEntriesByType('resource')
            .filter((e) => e.name.includes('/languages/sv/modules/')).map((e) => e.startTime),
        }));
        assert.ok(typeof shownAt === 'number', `${where}: my training was seen appearing`);
        assert.ok(started.every((s) => s > shownAt), `${where}: texts asked for after my training showed at ${shownAt}: ${started}`);
        // Nothing asked for twice, however long the page stays.
        await page.waitForTimeout(1500);
        assert.deepEqual([...asked].sort(), modules.map((m) => `${m}.json`).sort(), `${where}: each module's texts asked for once`);
      }
    },
  },
  {
    name: 'while the app loads, the start screen shows its message and no "try again", in the language chosen on an earlier visit',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      // The app's wasm is held back until the start screen has been looked at.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/trygg-app_bg.wasm', async (route) => { await held; await route.continue(); });
      const page = await context.newPage();
      await page.goto(t.server.subUrl + '#/');
      await page.waitForSelector('#boot-message', { state: 'visible' });
      // `.button`'s display beat the `hidden` attribute: the button showed on every load.
      assert.equal(await page.isVisible('#boot-retry'), false, 'no "try again" while all is well');
      assert.equal(await page.isVisible('#boot-failed'), false);
      release();
      await page.waitForSelector('#page-title', { timeout: 20000 });

      // A learner who chose Finnish on an earlier visit reads the start screen in Finnish,
      // from the language's ui.json, and its failure too.
      const fi = await t.browser.newContext();
      t.contexts.push(fi);
      await fi.addInitScript(() => localStorage.setItem('trygg:lang', 'fi'));
      let failNow;
      const failing = new Promise((resolve) => { failNow = resolve; });
      await fi.route('**/trygg-app_bg.wasm', async (route) => { await failing; await route.abort(); });
      const fiPage = await fi.newPage();
      await fiPage.goto(t.server.subUrl + '#/');
      await fiPage.waitForFunction((text) => document.getElementById('boot-message')?.textContent.trim() === text,
        word('fi', 'boot.loading'), { timeout: 10000 });
      assert.equal(await fiPage.getAttribute('#boot-message', 'lang'), 'fi');
      assert.equal(await fiPage.isVisible('#boot-retry'), false);
      failNow();
      await fiPage.waitForSelector('#boot-retry:not([hidden])', { timeout: 15000 });
      assert.equal((await fiPage.textContent('#boot-message')).trim(), word('fi', 'boot.load_failed'));
      assert.equal((await fiPage.textContent('#boot-retry')).trim(), word('fi', 'boot.retry'));
      assert.equal(await fiPage.evaluate(() => document.activeElement?.id), 'boot-retry');
      await expectAxeClean(fiPage, 'start screen failing in Finnish');
    },
  },
  {
    name: 'opened as a file from disk, it says to use a web server instead of loading forever',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      const page = await context.newPage();
      await page.goto('file://' + path.join(t.root, 'dist', 'index.html'));
      await page.waitForFunction(() => /webbserver/.test(document.getElementById('boot-message')?.textContent || ''), null, { timeout: 10000 });
      assert.match(await page.textContent('#boot-message'), /opened from a web server/);
      assert.match(await page.textContent('#boot-message span[lang="en"]'), /^The training must be opened from a web server/,
        'the English half is marked as English');
      assert.equal(await page.isVisible('#boot-retry'), false, 'no retry: retrying cannot help');
    },
  },
  {
    name: 'the first page loads only the app and organisation.json; the course module and files follow on my training',
    async run(t) {
      const context = await t.browser.newContext({ acceptDownloads: true });
      t.contexts.push(context);
      const requested = [];
      context.on('request', (r) => { if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname); });
      const page = await openPage(t, '#/', { context });
      await page.waitForSelector('main[data-route="#/"]');
      await page.waitForLoadState('networkidle');
      const course = /trygg_course|trygg_records|trygg_pdf|trygg_manager|content\/modules\/|sources\.json|\/languages\/[^/]+\/modules\//;
      assert.deepEqual(requested.filter((p) => course.test(p)), [], 'nothing of the course on the first page');
      for (const file of ['content/organisation.json', 'content/languages/sv/ui.json', 'content/languages/sv/course.json']) {
        assert.ok(requested.some((p) => p.endsWith(file)), `${file} fetched for the start page`);
      }
      for (const { tag } of (await shippedLanguages(t.root)).slice(1)) {
        assert.ok(!requested.some((p) => p.includes(`/languages/${tag}/`)), `one language per visit: nothing of ${tag}`);
      }

      // Into the course by keyboard: the module loads, and focus lands on the new heading.
      await tabTo(page, () => document.activeElement?.getAttribute('href') === '#/training');
      await page.keyboard.press('Enter');
      await page.waitForSelector('main[data-route="#/training"]');
      await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
      for (const file of ['trygg_course_bg.wasm', 'content/modules/roles.json']) {
        assert.ok(requested.some((p) => p.endsWith(file)), `${file} fetched for my training`);
      }
      assert.ok(!requested.some((p) => p.endsWith('sources.json')), 'sources.json is for reviewers, not learners');
      assert.equal(await page.locator('main').count(), 1, 'one main landmark');

      // The language switch reaches the course pages without mounting them again: the same
      // <main> element (marked here) stays, in every language.
      await page.evaluate(() => { document.querySelector('main').dataset.sameElement = 'yes'; });
      const [first, ...others] = await shippedLanguages(t.root);
      for (const { tag } of [...others, first]) {
        await page.click(`.lang-switch button[lang="${tag}"]`);
        await page.waitForFunction((x) => document.querySelector('#page-title')?.textContent === x, word(tag, 'page.training'));
        assert.equal(await page.getAttribute('main', 'data-same-element'), 'yes', tag);
        assert.equal(await page.getAttribute('html', 'lang'), tag);
      }

      // What the course pages save, the app's own pages see, and the other way round.
      await page.click('a[href="#/module/roles/lesson/1"]');
      await page.waitForSelector('main[data-route="#/module/roles/lesson/1"]');
      await page.click('a[href="#/data"]');
      await page.waitForSelector('main[data-route="#/data"]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner mina framsteg' }).click()]);
      const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.ok(saved.modules.roles, 'the lesson opened in the course module is in the file the app downloads');
      await page.goto(page.url().replace(/#.*$/, '#/'));
      await page.waitForSelector('main[data-route="#/"]');
      await page.getByLabel('Förtroendevald', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('main'), /Din roll: Förtroendevald/);
      const modules = requested.filter((p) => p.endsWith('trygg_course_bg.wasm'));
      assert.equal(modules.length, 1, 'the course module is fetched once per visit');
    },
  },
  {
    name: 'choosing a role starts fetching the course in the background, so my training opens at once',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      const requested = [];
      context.on('request', (r) => { if (!r.serviceWorker()) requested.push(new URL(r.url()).pathname); });
      const page = await openPage(t, '#/', { context });
      await page.waitForLoadState('networkidle');
      assert.ok(!requested.some((p) => p.endsWith('trygg_course_bg.wasm')), 'not before the learner acts');
      const prefetched = ['trygg_course_bg.wasm', 'content/modules/everyday.json']
        .map((file) => page.waitForRequest((r) => r.url().endsWith(file), { timeout: 5000 }));
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await Promise.all(prefetched);
      await page.waitForLoadState('networkidle');
      const before = requested.length;
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      const after = requested.slice(before);
      assert.ok(!after.some((p) => p.endsWith('.wasm')), `no wasm fetched again: ${after}`);
      // The module texts are asked for ahead once my training shows (for offline, and so a
      // module opens at once); everything else was fetched before the click.
      const again = after.filter((p) => p.includes('/content/') && !/\/languages\/sv\/modules\//.test(p));
      assert.deepEqual(again, [], `the course module takes over the prefetched files: ${after}`);
    },
  },
  {
    name: 'a course module that cannot load says so, with a retry that works',
    async run(t) {
      // Its script and its wasm both fail: browsers remember a failed module script.
      t.server.blocked.add('trygg_course.js');
      t.server.blocked.add('trygg_course_bg.wasm');
      try {
        const page = await openPage(t, '#/');
        await page.click('a[href="#/training"]');
        await page.waitForSelector('main[data-route="module-error"]');
        assert.equal(await heading(page), 'Utbildningen kunde inte laddas');
        assert.match(await page.textContent('main'), /trygg_course\.js/);
        await expectAxeClean(page, 'course module error');
        t.server.blocked.clear();
        await page.getByRole('button', { name: 'Försök igen' }).click();
        await page.waitForSelector('main[data-route="#/training"]');
        assert.equal(await heading(page), 'Min utbildning');
      } finally {
        t.server.blocked.clear();
      }
      t.problems = t.problems.filter((p) => !p.includes('500') && !p.includes('trygg_course'));
    },
  },
  {
    name: 'a missing wasm file shows a clear message and a retry button',
    async run(t) {
      t.server.blocked.add('trygg-app_bg.wasm');
      try {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        const page = await context.newPage();
        await page.goto(t.server.subUrl);
        await page.waitForSelector('#boot-retry:not([hidden])', { timeout: 15000 });
        assert.match(await page.textContent('#boot-message'), /kunde inte laddas/);
      } finally {
        t.server.blocked.clear();
      }
    },
  },
  {
    name: 'scripts a server sends as another type than JavaScript: the start screen names the file for IT, or says in time that the page did not start',
    async run(t) {
      const dist = path.join(t.root, 'dist');
      // A module script of any other type is refused by every browser, and the import's own
      // error does not say why. Served as a download type, as a host without a .js mapping
      // does, to a browser that still runs the classic boot.js (no nosniff on the server).
      let server = await startServer(dist, { types: { 'trygg-app.js': 'application/octet-stream' } });
      try {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        const page = await context.newPage();
        await page.goto(server.subUrl);
        await page.waitForSelector('#boot-retry:not([hidden])', { timeout: 15000 });
        assert.match(await page.textContent('#boot-message'), /kunde inte laddas/);
        assert.equal(await page.textContent('#boot-message code[lang="en"]'),
          'trygg-app.js is served as "application/octet-stream"; it must be text/javascript');
        assert.equal(await page.isVisible('#boot-slow'), false, 'boot.js ran: its own message says what is wrong');
        await expectAxeClean(page, 'start screen naming the server\'s fault');
      } finally {
        server.close();
      }
      // Every script of that type, with nosniff: not even boot.js runs. The start screen,
      // plain HTML and CSS, says so after a while instead of loading for ever (its animations
      // sped up here, so the test does not wait the real 20 seconds).
      server = await startServer(dist, { types: { '.js': 'application/octet-stream' } });
      try {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        const page = await context.newPage();
        await page.goto(server.subUrl);
        assert.equal(await page.isVisible('#boot-slow'), false, 'not at once: a slow network is no fault');
        const cdp = await context.newCDPSession(page);
        await cdp.send('Animation.enable');
        await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 });
        await page.waitForSelector('#boot-slow', { state: 'visible', timeout: 10000 });
        assert.match(await page.textContent('#boot-slow'), /tar längre tid än det borde/);
        await expectAxeClean(page, 'start screen when no script runs');
      } finally {
        server.close();
      }
      t.problems = t.problems.filter((p) => !/MIME type|trygg-app\.js|boot\.js|dynamically imported/.test(p));
    },
  },
  {
    name: 'nothing of the app sits on window, and a hand-over a module cannot read is told to the learner',
    async run(t) {
      const page = await openPage(t, '#/training');
      assert.equal(await heading(page), 'Min utbildning');
      const globals = await page.evaluate(() => Object.keys(window).filter((k) => /^trygg/i.test(k)));
      assert.deepEqual(globals, [], 'the module loaders and the worker bridge are handed over, not global');
      assert.equal(await page.locator('[data-handover]').count(), 0, 'a readable start says nothing');
      // A module from another build hands over something this one cannot read.
      await page.evaluate(async () => {
        const module = await import(new URL('trygg_course.js', document.baseURI).href);
        module.mount({ lang: 'sv' });
      });
      const told = page.locator('[data-handover]');
      await told.waitFor();
      assert.equal(await told.textContent(), word('sv', 'handover.unread'));
      assert.equal(await page.locator('.app-root').count(), 1, 'the new app replaced the old one');
      await page.waitForSelector('main[data-route="#/training"]');
      await expectAxeClean(page, 'my training after an unreadable hand-over');
    },
  },
  {
    name: 'one app renders the page at a time: the shell, course and manager modules hand it over and back',
    async run(t) {
      const page = await openPage(t, '#/');
      const one = async (where) => {
        const counts = await page.evaluate(() => ({
          roots: document.querySelectorAll('.app-root').length,
          headers: document.querySelectorAll('.site-header').length,
          mains: document.querySelectorAll('main').length,
        }));
        assert.deepEqual(counts, { roots: 1, headers: 1, mains: 1 }, where);
      };
      await one('start page');
      for (const [link, route, title] of [
        ['Min utbildning', '#/training', 'Min utbildning'],
        ['Chefsvy', '#/manager', 'Chefsvy'],
        ['Om Trygg', '#/about', 'Om Trygg'],
        ['Min utbildning', '#/training', 'Min utbildning'],
        ['Start', '#/', 'Välkommen till Trygg'],
      ]) {
        await page.click(`.site-header a:has-text("${link}")`);
        await page.waitForSelector(`main[data-route="${route}"]`);
        assert.equal(await heading(page), title, route);
        await one(route);
        // Focus moved to the new page's heading, whichever module rendered it.
        await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 })
          .catch(() => assert.fail(`focus on the heading of ${route}`));
      }
      // The language carries over from module to module, in every language.
      for (const { tag } of (await shippedLanguages(t.root)).slice(1)) {
        await page.click('.site-header a[href="#/about"]');
        await page.waitForSelector('main[data-route="#/about"]');
        await page.click(`.lang-switch button[lang="${tag}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, tag);
        await page.click('.site-header a[href="#/training"]');
        await page.waitForSelector('main[data-route="#/training"]');
        await page.waitForFunction((x) => document.querySelector('#page-title')?.textContent === x, word(tag, 'page.training'));
        assert.equal(await page.getAttribute('html', 'lang'), tag);
        await one(`training in ${tag}`);
      }
    },
  },
  {
    name: 'a page of another module the learner has left before it loaded does not take the page over when it arrives',
    async run(t) {
      // No offline worker: it would fetch the records module in the background and answer
      // the page's request itself, past the delay below.
      const context = await t.browser.newContext({ serviceWorkers: 'block' });
      t.contexts.push(context);
      // The records module (the certificate) arrives two seconds after it is asked for.
      await context.route('**/trygg_records_bg.wasm', async (route) => {
        await new Promise((r) => setTimeout(r, 2000));
        await route.continue();
      });
      const arrived = context.waitForEvent('requestfinished', { predicate: (r) => r.url().endsWith('trygg_records_bg.wasm') });
      const page = await openPage(t, '#/training', { context });
      await page.waitForSelector('main[data-route="#/training"]');
      await page.click('.site-header a[href="#/certificate"]');
      await page.waitForSelector('main[data-route="loading"]');
      // The tab no longer names my training while the certificate's module loads.
      await page.waitForFunction((t) => document.title === t, `${word('sv', 'loading.content')} – Trygg`);
      // Back to the course before the certificate's module is here, and on into a lesson.
      await page.click('.site-header a[href="#/training"]');
      await page.waitForSelector('main[data-route="#/training"]');
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/lesson/1'));
      await page.waitForSelector('main[data-route="#/module/roles/lesson/1"]');
      await page.evaluate(() => { document.querySelector('.app-root').dataset.probe = 'course'; });
      await arrived;
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => document.querySelector('.app-root')?.dataset.probe), 'course', 'the course module still renders the page');
      assert.equal(await page.evaluate(() => document.querySelectorAll('.app-root').length), 1);
      assert.ok(await page.isVisible('main[data-route="#/module/roles/lesson/1"]'), 'the lesson is still shown');
      // The module is loaded now: asked for again, the certificate comes at once.
      await page.click('.site-header a[href="#/certificate"]');
      await page.waitForSelector('main[data-route="#/certificate"]');
      assert.equal(await heading(page), 'Intyg');
    },
  },
  {
    name: 'a link into the course, the records or the manager view starts with that module: the shell is fetched only when a page of its own is opened',
    async run(t) {
      for (const [hash, title, module] of [
        ['#/training', 'Min utbildning', 'trygg_course_bg.wasm'],
        ['#/module/roles/lesson/1', null, 'trygg_course_bg.wasm'],
        ['#/certificate', 'Intyg', 'trygg_records_bg.wasm'],
        ['#/data', 'Mina uppgifter', 'trygg_records_bg.wasm'],
        ['#/manager', 'Chefsvy', 'trygg_manager_bg.wasm'],
      ]) {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        const wasm = [];
        const events = [];
        context.on('request', (request) => {
          if (request.serviceWorker()) return;
          const name = new URL(request.url()).pathname.split('/').pop();
          if (name.endsWith('.wasm')) wasm.push(name);
          events.push(`ask ${name}`);
        });
        context.on('requestfinished', (request) => {
          if (request.serviceWorker()) return;
          events.push(`got ${new URL(request.url()).pathname.split('/').pop()}`);
        });
        const page = await openPage(t, hash, { context });
        await page.waitForSelector(`main[data-route="${hash}"]`);
        if (title) assert.equal(await heading(page), title, hash);
        // The first page of a visit keeps the browser's focus where it was.
        assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'page-title', hash);
        assert.deepEqual(wasm, [module], `${hash} fetched only its own module`);
        // The module's wasm, its glue and organisation.json are asked for together, and the
        // organisation file only once.
        const glue = module.replace('_bg.wasm', '.js');
        for (const name of [module, 'organisation.json']) {
          assert.ok(events.indexOf(`ask ${name}`) < events.indexOf(`got ${glue}`), `${hash}: ${name} asked with ${glue}`);
        }
        assert.equal(events.filter((e) => e === 'ask organisation.json').length, 1, `${hash}: organisation.json once`);
        await page.click('.site-header a:has-text("Start")');
        await page.waitForSelector('main[data-route="#/"]');
        assert.equal(await heading(page), 'Välkommen till Trygg');
        assert.deepEqual(wasm, [module, 'trygg-app_bg.wasm'], `${hash}, then the start page`);
        // The shell reads the page's files from what the module before it read: no round
        // trip to the server while the page waits.
        for (const name of ['organisation.json', 'ui.json']) {
          assert.equal(events.filter((e) => e === `ask ${name}`).length, 1, `${hash}, then the start page: ${name} asked for once`);
        }
        assert.equal(await page.evaluate(() => document.querySelectorAll('.app-root, main').length), 2);
      }
    },
  },
];
