// Progress written in the past: passes near and beyond their validity show as renewal due
// and expired, an expired module blocks the certificate; a multiple-choice answer's review;
// ordering by drag and drop; and the certificate's print view.
import { openPage, expectAxeClean, assert } from './harness.mjs';
import { loadModule, loadModuleTexts, finishQuiz, requiredModules } from './quiz-driver.mjs';

const KEY = 'trygg:trygg-exempelregionen:progress';
const DAY = 24 * 3600 * 1000;

function progress(modules, extra = {}) {
  return JSON.stringify({ version: 2, course_id: 'trygg-exempelregionen', lang: 'sv', role: 'employee', modules, updated_ms: Date.now(), revision: 1, ...extra });
}

/** Every required module passed `daysAgo`, with `overrides` per module id. */
async function allPassed(t, daysAgo, overrides = {}) {
  const ids = await requiredModules(t.root);
  return { ...Object.fromEntries(ids.map((id) => [id, passed(daysAgo)])), ...overrides };
}

const passed = (daysAgo, percent = 90) => ({ lesson_step: 3, lessons_done: true, best_percent: percent, last_pass: { percent, passed_ms: Date.now() - daysAgo * DAY }, attempts: 1 });

async function withProgress(t, hash, doc, options = {}) {
  const page = await openPage(t, '#/about', options);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, doc]);
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.reload();
  await page.waitForSelector(`main[data-route="${hash}"]`);
  return page;
}

export default [
  {
    name: 'my training shows passed, renewal due and expired; an expired module blocks the certificate',
    async run(t) {
      const modules = await allPassed(t, 10, { roles: passed(20), threats: passed(350), report: passed(400) });
      const total = Object.keys(modules).length;
      const page = await withProgress(t, '#/training', progress(modules));
      await page.waitForSelector('.module-card');
      const card = async (id) => page.$eval(`.module-card:has(a[href^="#/module/${id}/"])`, (e) => e.textContent);
      assert.match(await card('roles'), /Godkänd/);
      assert.match(await card('threats'), /Snart dags att förnya/);
      // Dates as the language writes them (Intl): "21 december 2026".
      assert.match(await card('threats'), /giltigt till och med \d{1,2} [a-zåäö]+ \d{4}/);
      assert.match(await card('report'), /Behöver förnyas/);
      assert.match(await page.textContent('.overall'), new RegExp(`${total - 1} av ${total}`));
      // The page says once that the certificate has run out, and on the day the first pass to
      // run out (report's) ended: the day its card gives.
      const ended = (await card('report')).match(/Gällde till och med (\d{1,2} [a-zåäö]+ \d{4})\./)?.[1];
      assert.ok(ended, 'the expired card says, in the past tense, until when its pass held');
      assert.equal((await page.textContent('.callout.warning')).trim(),
        `Ditt intyg gällde till och med ${ended}. Gör om proven i de moduler nedan som behöver förnyas, så får du ett nytt intyg.`);
      await expectAxeClean(page, 'training with renewal states');
      await page.goto(page.url().replace(/#.*$/, '#/certificate'));
      await page.waitForSelector('.missing-list');
      assert.equal((await page.textContent('p:has(+ .missing-list)')).trim(),
        `Ditt intyg gällde till och med ${ended}. Du får ett nytt när du har förnyat de här modulerna:`,
        'a learner whose certificate ran out is not told it "becomes available"');
      assert.equal(await page.$$eval('.missing-list li', (els) => els.length), 1);
      assert.match(await page.textContent('.missing-list'), /Rapportera – Behöver förnyas/);
    },
  },
  {
    name: 'a pass just after midnight in Stockholm is dated that day on my training and the certificate',
    async run(t) {
      const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Stockholm' });
      t.contexts.push(context);
      // 23:30 UTC ten days ago is 00:30 or 01:30 the next day in Stockholm.
      const at = new Date(Date.now() - 10 * DAY);
      at.setUTCHours(23, 30, 0, 0);
      const long = (timeZone) => new Intl.DateTimeFormat('sv', { dateStyle: 'long', timeZone }).format(at);
      const local = long('Europe/Stockholm');
      const utc = long('UTC');
      assert.notEqual(local, utc);
      const ids = await requiredModules(t.root);
      const pass = { lesson_step: 3, lessons_done: true, best_percent: 90, last_pass: { percent: 90, passed_ms: at.getTime() }, attempts: 1 };
      const doc = progress(Object.fromEntries(ids.map((id) => [id, pass])), { learner: { full_name: 'Åsa Öberg', employee_number: '', unit: '', email: '' } });
      const page = await withProgress(t, '#/training', doc, { context });
      await page.waitForSelector('.module-card');
      const card = await page.textContent('.module-card');
      assert.ok(card.includes(local), `the card dates the pass ${local}: ${card}`);
      assert.ok(!card.includes(utc), `not the UTC day ${utc}`);
      await page.goto(page.url().replace(/#.*$/, '#/certificate'));
      await page.waitForSelector('.certificate-preview');
      const facts = await page.textContent('.certificate-preview');
      assert.ok(facts.includes(local), `the certificate is completed ${local}: ${facts}`);
      assert.ok(!facts.includes(utc), `not on the UTC day ${utc}`);
    },
  },
  {
    name: 'renewing opens the quiz on its intro, with until when the pass holds or held, not on last year\'s result',
    async run(t) {
      const doc = progress(await allPassed(t, 10, { everyday: undefined }));
      const page = await withProgress(t, '#/module/everyday/quiz', doc);
      await page.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      await finishQuiz(page, await loadModule(t.root, 'everyday'));
      assert.match(await page.textContent('.result-box'), /Godkänt!/);
      /** Moves everyday's pass, and the attempt that made it, `days` into the past. */
      const age = (days) => page.evaluate(([k, ms]) => {
        const doc = JSON.parse(localStorage.getItem(k));
        const m = doc.modules.everyday;
        m.last_pass.passed_ms -= ms;
        m.attempt.started_ms -= ms;
        m.attempt.updated_ms -= ms;
        localStorage.setItem(k, JSON.stringify(doc));
      }, [KEY, days * DAY]);
      const intro = async (tense) => {
        await page.goto(page.url().replace(/#.*$/, '#/module/everyday/quiz'));
        await page.reload();
        await page.waitForSelector('main[data-route="#/module/everyday/quiz"] .page.quiz');
        assert.equal(await page.locator('.results').count(), 0, 'no old result');
        await page.getByRole('button', { name: 'Starta kunskapsprovet' }).waitFor();
        assert.match(await page.textContent('.page.quiz .callout.warning'),
          new RegExp(`^Ditt godkända resultat ${tense} till och med \\d{1,2} [a-zåäö]+ \\d{4}\\. Gör provet igen för att förnya det\\.$`));
      };
      await age(350);
      await intro('gäller');
      await expectAxeClean(page, 'quiz intro of a pass due for renewal');
      await page.goto(page.url().replace(/#.*$/, '#/training'));
      await page.waitForSelector('main[data-route="#/training"] .module-card');
      assert.match(await page.textContent('.callout.warning'), /^Ditt intyg gäller till och med \d{1,2} [a-zåäö]+ \d{4}\. Gör om proven/);
      assert.equal(await page.locator('.callout.tip').count(), 1, 'the certificate is still offered while it holds');
      await age(50);
      await intro('gällde');
    },
  },
  {
    name: 'dates are written as each language writes them in the organisation\'s country: English in Sweden puts the day first',
    async run(t) {
      const doc = progress(await allPassed(t, 10), { learner: { full_name: 'Åsa Öberg', employee_number: '', unit: '', email: '' } });
      const page = await withProgress(t, '#/certificate', doc);
      await page.waitForSelector('.certificate-preview');
      await page.click('.lang-switch button[lang="en"]');
      await page.waitForSelector('html[lang="en"] .certificate-preview');
      const facts = await page.textContent('.certificate-preview');
      const month = '(January|February|March|April|May|June|July|August|September|October|November|December)';
      assert.match(facts, new RegExp(`\\d{1,2} ${month} \\d{4}`), `day, month, year: ${facts}`);
      assert.doesNotMatch(facts, new RegExp(`${month} \\d{1,2}, \\d{4}`), 'not the United States\' order');
    },
  },
  {
    name: 'a retake failed while the pass is due for renewal says the earlier pass still holds',
    async run(t) {
      const page = await withProgress(t, '#/module/everyday/quiz', progress(await allPassed(t, 10, { everyday: passed(350) })));
      await page.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      await finishQuiz(page, await loadModule(t.root, 'everyday'), { right: false });
      assert.match(await page.textContent('.result-box'), /Inte godkänt/);
      assert.match(await page.textContent('.result-box'),
        /Ditt tidigare godkända resultat gäller fortfarande, till och med \d{1,2} [a-zåäö]+ \d{4}\./);
      await expectAxeClean(page, 'a failed retake while the pass still holds');
    },
  },
  {
    name: 'renewing a module gives a certificate with a new id',
    async run(t) {
      // Report was passed longest ago, so its pass dates the whole certificate.
      const doc = progress(await allPassed(t, 100, { report: passed(300) }), { learner: { full_name: 'Åsa Öberg', employee_number: '', unit: '', email: '' } });
      const page = await withProgress(t, '#/certificate', doc);
      await page.waitForSelector('.certificate-preview');
      const before = await page.textContent('.certificate-facts code');
      const expiresFirst = page.locator('.callout', { hasText: 'går ut först' });
      assert.match(await expiresFirst.textContent(), /modulen ”Rapportera” går ut först/);
      assert.equal(await expiresFirst.locator('a').getAttribute('href'), '#/module/report/quiz');
      const module = await loadModule(t.root, 'report');
      await page.goto(page.url().replace(/#.*$/, '#/module/report/quiz'));
      await page.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      await finishQuiz(page, module);
      await page.goto(page.url().replace(/#.*$/, '#/certificate'));
      await page.waitForSelector('.certificate-preview');
      const after = await page.textContent('.certificate-facts code');
      assert.notEqual(after, before, 'a renewed certificate has a new id');
      // The pass keeps the content it was made under, and the certificate names it: an edit
      // published later (here, as if the pass had been made under another version) does not
      // change what the certificate says the learner was tested on.
      const version = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).modules.report.pass_content_version, KEY);
      assert.match(version ?? '', /^[0-9a-f]{12}$/);
      assert.match(await page.textContent('main'), new RegExp(version));
      await page.evaluate((k) => {
        const doc = JSON.parse(localStorage.getItem(k));
        doc.modules.report.pass_content_version = '0123456789ab';
        localStorage.setItem(k, JSON.stringify(doc));
      }, KEY);
      await page.reload();
      await page.waitForSelector('.certificate-preview');
      assert.match(await page.textContent('main'), /0123456789ab/);
      assert.doesNotMatch(await page.textContent('main'), new RegExp(version));
      // Now the other modules were all passed 100 days ago: they expire on one day, so no
      // single module is named as the one to retake (retaking one would not extend it).
      assert.doesNotMatch(await page.textContent('main'), /Rapportera”? går ut först/);
      assert.equal(await page.locator('.callout', { hasText: 'går ut först' }).count(), 0, 'no module named when several expire together');
    },
  },
  {
    name: 'a wrong multiple-choice answer shows the right options one per line, in the order the question showed them',
    async run(t) {
      const module = await loadModule(t.root, 'everyday');
      const q = module.questions.find((x) => x.type === 'multiple' && (x.roles || ['employee']).includes('employee') && x.options.filter((o) => o.correct).length >= 2);
      const order = q.options.map((_, i) => i).reverse();
      const wrong = q.options.findIndex((o) => !o.correct);
      const plan = { module_id: 'everyday', seed: 7, items: [{ question_id: q.id, order }] };
      const answer = { type: 'multiple', options: [wrong] };
      const doc = progress({ everyday: { lesson_step: 0, lessons_done: false, attempt: { plan, answers: [answer], current: 0, started_ms: Date.now(), updated_ms: Date.now(), finished: false }, attempts: 0 } });
      const page = await withProgress(t, '#/module/everyday/quiz', doc);
      await page.waitForSelector('.feedback');
      const texts = (await loadModuleTexts(t.root, 'sv', module.id)).questions[q.id];
      const expected = order.filter((k) => q.options[k].correct).map((k) => texts[q.options[k].id].trim());
      const shown = await page.locator('.feedback .answer-options li').allTextContents();
      assert.deepEqual(shown.map((x) => x.trim()), expected);
      await expectAxeClean(page, 'multiple-choice feedback');
    },
  },
  {
    name: 'an ordering question can be sorted by dragging as well as by keyboard',
    async run(t) {
      const module = await loadModule(t.root, 'report');
      const q = module.questions.find((x) => x.id === 'report-path');
      const order = q.steps.map((_, i) => i).reverse();
      const plan = { module_id: 'report', seed: 7, items: [{ question_id: q.id, order }] };
      const doc = progress({ report: { lesson_step: 0, lessons_done: false, attempt: { plan, answers: [null], current: 0, started_ms: Date.now(), updated_ms: Date.now(), finished: false }, attempts: 0 } });
      const page = await withProgress(t, '#/module/report/quiz', doc);
      await page.waitForSelector('.order-list');
      const ids = () => page.$$eval('.order-item .icon-button:first-child', (els) => els.map((e) => Number(e.id.split('-')[1])));
      assert.deepEqual(await ids(), order);
      // Drag the last item (step 0) to the top.
      const items = page.locator('.order-item');
      await items.nth(order.length - 1).dragTo(items.nth(0));
      const afterDrag = await ids();
      assert.equal(afterDrag[0], 0, `step 0 dragged to the top: ${afterDrag}`);
      assert.match(await page.textContent('.order-list + .visually-hidden'), /^Flyttat till plats 1: /);
      // By keyboard: focus step 1's "move up" button and press Enter until it is second.
      await page.focus('#up-1');
      while ((await ids()).indexOf(1) > 1) {
        const before = (await ids()).indexOf(1);
        await page.keyboard.press('Enter');
        // One move per press: wait for it to render before pressing again.
        await page.waitForFunction((b) => [...document.querySelectorAll('.order-item .icon-button:first-child')]
          .map((e) => Number(e.id.split('-')[1])).indexOf(1) === b - 1, before);
        // Focus follows the moved step (set just after the render).
        await page.waitForFunction(() => /^(up|down)-1$/.test(document.activeElement?.id || ''), null, { timeout: 3000 })
          .catch(() => assert.fail('focus stays on the moved step'));
      }
      assert.deepEqual((await ids()).slice(0, 2), [0, 1]);
      await expectAxeClean(page, 'ordering question');
      // Checked in a wrong order, the right order is shown as a numbered list of the steps.
      await page.getByRole('button', { name: 'Kontrollera svaret' }).click();
      await page.waitForSelector('.feedback');
      assert.match(await page.textContent('.feedback'), /Inte rätt/, 'steps 3–5 are still reversed');
      assert.equal(await page.locator('.feedback ol.answer-steps li').count(), q.steps.length);
      assert.equal(await page.textContent('.feedback ol.answer-steps li'), (await loadModuleTexts(t.root, 'sv', module.id)).questions[q.id][q.steps[0].id]);
      await expectAxeClean(page, 'ordering feedback');
    },
  },
  {
    name: 'the print view shows only the certificate',
    async run(t) {
      const doc = progress(await allPassed(t, 5), { learner: { full_name: 'Nguyễn Thị Lan', employee_number: '', unit: '', email: '' } });
      const page = await withProgress(t, '#/certificate', doc);
      await page.waitForSelector('.certificate-preview');
      await page.emulateMedia({ media: 'print' });
      const visible = async (sel) => page.$eval(sel, (e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0);
      assert.equal(await visible('.certificate-preview'), true);
      assert.equal(await visible('.details-form'), false);
      assert.equal(await visible('.site-header'), false);
      assert.equal(await visible('.no-print'), false);
      assert.equal(await page.textContent('.certificate-name'), 'Nguyễn Thị Lan');
    },
  },
];
