// Languages as data, in the browser: a language added to a built release by copying its files
// (no rebuild) is offered, taught, quizzed and certified with every word from its own files; a
// partial language shows the missing texts in its fallback, marked with the fallback's `lang`;
// a right-to-left test language mirrors the layout and passes axe and the ordering question by
// keyboard; a Finnish learner goes from the start page to the manager's roster; and switching
// language keeps the page, the question and the answer chosen.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openPage, expectAxeClean, heading, assert, runTrygg } from './harness.mjs';
import {
  loadModule, loadModuleTexts, loadCourseTexts, loadOrganisation, answerQuestion, next, finishQuiz,
  press, requiredModules, shippedLanguages, word,
} from './quiz-driver.mjs';
import {
  releaseCopy, listLanguage, writePseudoLanguage, copyFixtureLanguage, unwrappedWords, wrap,
  progressKey, seedAttempt, seedPassed, saveDownload, pdftotext, leftoverWords, contextListing404, allowMissing,
} from './languages-kit.mjs';

/** The pseudo-language made at test time from the English files: every text wrapped. */
const PSEUDO = { tag: 'en-XA', name: wrap('Pseudo-English') };

/** Waits for `<html lang>` to be `tag`. */
const langIs = (page, tag) => page.waitForFunction((l) => document.documentElement.lang === l, tag);

/** Goes to `hash` within the same page (the app keeps its state) and waits for its main. */
async function go(page, hash) {
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.waitForSelector(`main[data-route="${hash}"]`);
}

/** No word on the page outside the pseudo-language's marks. */
async function checkOwnWords(page, tag, label, allowed) {
  assert.deepEqual(await unwrappedWords(page, tag, allowed), [], `words not from ${tag}'s files on ${label}`);
}

/** axe clean, and no word on the page outside the pseudo-language's marks. */
async function expectOwnWords(page, tag, label, allowed) {
  await expectAxeClean(page, label);
  await checkOwnWords(page, tag, label, allowed);
}

export default [
  {
    name: 'a language added to a built release by copying files is offered, taught, quizzed and certified, every word from its files',
    async run(t) {
      const { tag, name } = PSEUDO;
      const copy = await releaseCopy(t, async (content) => {
        await writePseudoLanguage(content, { from: 'en', tag });
        await listLanguage(content, { tag, name });
      });
      try {
        const w = (key) => word(tag, key, copy.dir);
        const org = await loadOrganisation(t.root);
        // What the page may show besides the language's words: the product's name, the
        // organisation's numbers and addresses (facts, not words) and, below, the learner's input.
        const facts = ['Trygg', ...Object.values(org).flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : []))
          .filter((v) => typeof v === 'string')];

        const page = await openPage(t, '#/', { base: copy.server.subUrl });
        // The start page offers it among the languages, and so does the header's switch: each
        // named in its own name, marked with its own tag.
        const label = page.locator(`label[for="lang-${tag}"]`);
        assert.equal((await label.textContent()).trim(), name);
        assert.equal(await label.getAttribute('lang'), tag);
        const button = page.locator(`.lang-switch button[lang="${tag}"]`);
        assert.equal((await button.textContent()).trim(), name);
        await page.check(`#lang-${tag}`);
        await langIs(page, tag);
        assert.equal(await button.getAttribute('aria-pressed'), 'true');
        assert.equal(await heading(page), w('start.title'));
        await expectOwnWords(page, tag, 'start page', facts);

        await page.getByLabel(w('role.employee'), { exact: true }).check();
        await page.getByRole('button', { name: w('start.begin') }).click();
        await page.waitForSelector('main[data-route="#/training"]');
        assert.equal(await heading(page), w('page.training'));
        await expectOwnWords(page, tag, 'my training', facts);

        // A lesson: its texts from the language's module file.
        const module = await loadModule(t.root, 'report');
        const texts = JSON.parse(await readFile(path.join(copy.dir, 'content/languages', tag, 'modules/report.json'), 'utf8'));
        await go(page, '#/module/report/lesson/1');
        assert.equal(await heading(page), texts.sections[module.sections[0].id].title);
        await expectOwnWords(page, tag, 'lesson', facts);
        await go(page, '#/module/report/lesson/3');
        await expectOwnWords(page, tag, 'lesson with contact boxes', facts);

        // The whole quiz, passed; feedback and results in the language.
        await go(page, '#/module/report/quiz');
        await expectOwnWords(page, tag, 'quiz start', facts);
        await press(page, w('quiz.start'));
        const driving = { lang: tag, dist: copy.dir };
        await page.waitForSelector('.question-card');
        // Every question's words; axe once per kind of question (a scan takes seconds).
        const scanned = new Set();
        for (let n = 1; !(await page.$('.results')); n++) {
          assert.ok(n <= 30, 'the quiz ends');
          const id = await page.getAttribute('.question-card', 'data-question-id');
          const kind = module.questions.find((q) => q.id === id).type;
          const check = scanned.has(kind) ? checkOwnWords : expectOwnWords;
          await check(page, tag, `question ${n} (${kind})`, facts);
          await answerQuestion(page, module, driving);
          await check(page, tag, `feedback ${n} (${kind})`, facts);
          scanned.add(kind);
          await next(page, driving);
          await page.waitForFunction(() => document.activeElement?.id === 'question-title' || document.querySelector('.results'));
        }
        assert.match(await page.textContent('.result-box'), new RegExp(escape(w('quiz.result.passed'))));
        await expectOwnWords(page, tag, 'quiz result', facts);

        // The certificate: the other modules' passes seeded, the details typed in.
        await seedPassed(page, await progressKey(t.root), await requiredModules(t.root));
        await go(page, '#/certificate');
        await page.waitForSelector('.details-form');
        await expectOwnWords(page, tag, 'certificate page, before the details', facts);
        const learner = 'Ada Lindqvist';
        const unit = 'Hemtjänst Norr';
        await page.fill('#full-name', learner);
        await page.fill('#unit', unit);
        await page.getByRole('button', { name: w('certificate.save_details') }).click();
        await page.waitForSelector('.certificate-preview');
        const id = (await page.textContent('.certificate-facts code')).trim();
        const code = await page.$$eval('.certificate-preview code', (els) => els.map((e) => e.textContent.trim()));
        await expectOwnWords(page, tag, 'certificate page', [...facts, learner, unit, id, ...code]);

        // The completion file: its language is the new tag, and trygg verify accepts it.
        const json = await saveDownload(page, w('certificate.download_json'), t.artifacts, 'pseudo-completion.json');
        const record = JSON.parse(await readFile(json, 'utf8'));
        assert.equal(record.lang, tag);
        assert.equal(record.learner.full_name, learner);
        const verified = runTrygg(t, ['verify', json]);
        assert.equal(verified.code, 0, verified.out);

        // The PDF: its labels are the language's (pdftotext gives its text back).
        const pdf = pdftotext(await saveDownload(page, w('certificate.download_pdf'), t.artifacts, 'pseudo-certificate.pdf'));
        const course = await loadCourseTexts(t.root, 'en');
        for (const expected of [w('pdf.certifies'), w('pdf.unit'), wrap(course.modules.roles.title), learner, unit, record.certificate_id]) {
          assert.ok(pdf.replace(/\s+/g, ' ').includes(expected), `the PDF has ${expected}:\n${pdf}`);
        }
        // Dates are the browser's (Intl), written as the language's tag asks, as on the page.
        const dates = await page.evaluate(([tag, days]) => days.map((iso) =>
          new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))),
        [tag, [record.completed_on, record.valid_until, ...record.modules.map((m) => m.passed_on)]]);
        assert.deepEqual(leftoverWords(pdf, [...facts, ...dates, learner, unit, record.certificate_id, record.verification_code, record.content_version]), [],
          'every word on the certificate is the language\'s');
      } finally {
        await copy.close();
      }
    },
  },
  {
    name: 'a partial language shows the course texts it lacks in its fallback, each marked with the fallback\'s lang, axe clean',
    async run(t) {
      // Missing: a whole module's texts, and another module's title and summary.
      const course = await loadCourseTexts(t.root, 'en');
      const texts = await loadModuleTexts(t.root, 'en', 'report');
      const module = await loadModule(t.root, 'report');
      await walkPartialLanguage(t, { dropFiles: ['modules/report.json'], dropCourse: ['modules.violence'] }, {
        training: [course.modules.violence.title],
        lesson: [texts.sections[module.sections[0].id].title, texts.sections[module.sections[0].id].p1.slice(0, 40)],
        question: [],
      });
    },
  },
  {
    name: 'a partial language shows the UI words it lacks in its fallback, each marked with the fallback\'s lang',
    async run(t) {
      const en = (key) => word('en', key);
      // Headings, and texts with a value filled in (counts, steps), are marked too.
      await walkPartialLanguage(t, { dropWords: ['training.start', 'status.not_started', 'nav.about', 'lesson.next', 'quiz.start', 'quiz.check', 'quiz.scenario.choose', 'manager.intro', 'manager.import.title',
        'page.training', 'training.summary', 'lesson.progress', 'quiz.counter'] }, {
        training: [en('training.start'), en('status.not_started'), en('nav.about'), en('page.training')],
        lesson: [en('lesson.next')],
        // The draw decides the first question's kind: a scenario's button says "choose".
        question: [en('quiz.check'), en('quiz.scenario.choose')],
        manager: [en('manager.intro'), en('manager.import.title')],
      });
    },
  },
  {
    name: 'a language whose files are missing leaves the page in one it can show, naming the file, on a switch and on a later visit',
    async run(t) {
      // Listed in organisation.json before its files exist (a translation round not imported).
      const copy = await releaseCopy(t, async (content) => {
        await listLanguage(content, { tag: 'nb', name: 'Norsk bokmål', fallback: 'sv' });
      });
      try {
        const sv = (key) => word('sv', key);
        const { context, notFound } = await contextListing404(t);
        const page = await openPage(t, '#/', { base: copy.server.subUrl, context });
        const notice = async () => (await page.waitForSelector('.offline-notice [data-language]')).textContent();
        // Clicked, not checked: the page presses the Swedish choice again as soon as the
        // files are found missing, which may be before a check could see the new state.
        await page.click('#lang-nb');
        const said = await notice();
        assert.match(said, /Norsk bokmål/);
        assert.match(said, /languages\/nb\/ui\.json/, 'the file is named');
        assert.equal(await page.getAttribute('html', 'lang'), 'sv', 'the page stays Swedish');
        assert.ok(await page.isChecked('#lang-sv'), 'the Swedish choice is pressed again');
        await page.getByLabel(sv('role.employee'), { exact: true }).check();
        await page.getByRole('button', { name: sv('start.begin') }).click();
        await page.waitForSelector('main[data-route="#/training"]');
        assert.equal(await heading(page), sv('page.training'), 'the course opens, in Swedish');

        // A language kept from an earlier visit and missing now: the start page and a link
        // into the course open in the course's first language, saying why.
        for (const hash of ['#/', '#/training']) {
          await go(page, hash);
          await page.evaluate(() => localStorage.setItem('trygg:lang', 'nb'));
          const asked = [];
          const count = (request) => { if (/languages\/sv\/(ui|course)\.json/.test(request.url())) asked.push(request.url()); };
          page.on('request', count);
          await page.reload();
          assert.match(await notice(), /languages\/nb\/ui\.json/, `${hash}: the file is named`);
          assert.equal(await page.getAttribute('html', 'lang'), 'sv', hash);
          await page.waitForSelector(`main[data-route="${hash}"]`);
          await page.waitForTimeout(300);
          page.off('request', count);
          assert.equal(asked.length, 2, `${hash}: the first language's words and names are read once: ${asked}`);
          await expectAxeClean(page, `${hash} opened in Swedish instead`);
        }
        allowMissing(t, notFound, ['content/languages/nb/ui.json', 'content/languages/nb/course.json']);
      } finally {
        await copy.close();
      }
    },
  },
  {
    name: 'a right-to-left test language mirrors the layout, passes axe and the ordering question by keyboard, and prints in its fallback',
    async run(t) {
      const tag = 'ar';
      const copy = await releaseCopy(t, async (content) => {
        await copyFixtureLanguage(content, tag);
        await listLanguage(content, { tag, name: 'العربية', dir: 'rtl' });
      });
      try {
        // The test language's files pass the project's own check; its gaps are warnings.
        const checked = runTrygg(t, ['content', 'check', path.join(copy.dir, 'content')]);
        assert.equal(checked.code, 0, checked.out);
        assert.match(checked.out, /\bar\s+translation, \d+ of \d+ texts .*missing \d+, stale 0, for ids gone 0, placeholders off 0/);
        const w = (key) => word(tag, key, copy.dir);
        const source = (await loadOrganisation(t.root)).languages[0];
        const { context, notFound } = await contextListing404(t);
        const page = await openPage(t, '#/', { base: copy.server.subUrl, context });
        await page.check(`#lang-${tag}`);
        await langIs(page, tag);
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.equal(await heading(page), w('start.title'));
        await expectAxeClean(page, 'start page (rtl)');
        // Four languages to switch between still fit a 320 px phone: the buttons wrap.
        const viewport = page.viewportSize();
        await page.setViewportSize({ width: 320, height: 640 });
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0,
          'the language switch wraps at 320 px');
        await page.setViewportSize(viewport);
        await page.getByLabel(w('role.employee'), { exact: true }).check();
        await page.getByRole('button', { name: w('start.begin') }).click();
        await page.waitForSelector('main[data-route="#/training"]');
        await expectAxeClean(page, 'my training (rtl)');

        // A lesson in the language: the callout's border on the right, the pager's next button
        // on the left, the previous one on the right.
        const texts = JSON.parse(await readFile(path.join(copy.dir, 'content/languages/ar/modules/report.json'), 'utf8'));
        const module = await loadModule(t.root, 'report');
        await go(page, '#/module/report/lesson/1');
        assert.equal(await heading(page), texts.sections[module.sections[0].id].title);
        const border = await page.$eval('.lesson .callout', (e) => {
          const s = getComputedStyle(e);
          return { right: s.borderRightWidth, left: s.borderLeftWidth };
        });
        assert.deepEqual(border, { right: '5px', left: '0px' }, 'the callout is marked on its starting (right) side');
        await expectAxeClean(page, 'lesson of report (rtl)');
        await go(page, '#/module/report/lesson/2');
        const box = (sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; });
        const previous = await box('.pager .button:first-child');
        const following = await box('.pager .button:last-child');
        assert.equal((await page.textContent('.pager .button:last-child')).trim(), w('lesson.next'));
        assert.ok(following.right < previous.left, `next (${JSON.stringify(following)}) left of previous (${JSON.stringify(previous)})`);
        const main = await box('main');
        assert.ok(previous.right > main.right - (main.right - main.left) / 2, 'previous at the right');
        // A phone number or address reads left to right inside the right-to-left page, where
        // "010-000 00 01" would otherwise be drawn "01 00 000-010".
        await go(page, '#/module/report/lesson/3');
        const numbers = await page.$$eval('main a[href^="tel:"], main a[href^="mailto:"]',
          (links) => links.map((a) => [a.textContent, getComputedStyle(a).direction]));
        assert.ok(numbers.some(([, dir]) => dir), 'the lesson shows a phone number or address');
        assert.deepEqual(numbers.filter(([, dir]) => dir !== 'ltr'), [], 'every number and address left to right');

        // A module without Arabic texts: its lesson shows the fallback's, marked with its lang.
        const fallbackModule = await loadModule(t.root, 'roles');
        const fallbackTexts = await loadModuleTexts(t.root, source.tag, 'roles');
        await go(page, '#/module/roles/lesson/1');
        await page.waitForFunction((title) => document.querySelector('#page-title')?.textContent === title, fallbackTexts.sections[fallbackModule.sections[0].id].title);
        assert.equal(await page.getAttribute('#page-title', 'lang'), source.tag);
        // ...and runs in its own direction: a Swedish sentence keeps its full stop at its end.
        assert.deepEqual(await page.$$eval('main [lang]', (els) => [...new Set(els.map((e) => getComputedStyle(e).unicodeBidi))]),
          ['plaintext'], 'each text of another language takes its direction from its own letters');
        await expectAxeClean(page, 'lesson of a fallback module (rtl)');

        // The quiz, with the ordering question first (seeded, steps reversed), solved by
        // keyboard alone; then an ordinary question and the result.
        const key = await progressKey(t.root);
        const ordering = module.questions.find((q) => q.id === 'report-path');
        const single = module.questions.find((q) => q.type === 'single');
        await seedAttempt(page, key, 'report', [
          { question_id: ordering.id, order: ordering.steps.map((_, i) => i).reverse() },
          { question_id: single.id, order: single.options.map((_, i) => i) },
        ], 11);
        await go(page, '#/module/report/quiz');
        await page.reload();
        await page.waitForSelector('.order-list');
        await expectAxeClean(page, 'ordering question (rtl)');
        await answerQuestion(page, module, { keyboard: true, lang: tag, dist: copy.dir });
        assert.match(await page.textContent('#feedback'), new RegExp(escape(w('quiz.right'))), 'sorted right by keyboard');
        await expectAxeClean(page, 'ordering feedback (rtl)');
        await next(page, { keyboard: true, lang: tag, dist: copy.dir });
        await finishQuiz(page, module, { keyboard: true, lang: tag, dist: copy.dir });
        await expectAxeClean(page, 'quiz result (rtl)');

        // The certificate page says the PDFs are made in the fallback language, and they are.
        await seedPassed(page, key, await requiredModules(t.root));
        await go(page, '#/certificate');
        await page.fill('#full-name', 'Layla Haddad');
        await page.getByRole('button', { name: w('certificate.save_details') }).click();
        await page.waitForSelector('.certificate-preview');
        const notice = w('certificate.pdf_language').replace('{language}', source.name);
        assert.ok((await page.textContent('main')).includes(notice), `the page says: ${notice}`);
        // The language's name is in that language, for a screen reader to say it right.
        assert.equal(await page.locator(`.certificate-documents .hint span[lang="${source.tag}"]`).textContent(), source.name,
          `the notice marks "${source.name}" as ${source.tag}`);
        await expectAxeClean(page, 'certificate page (rtl)');
        const pdf = pdftotext(await saveDownload(page, w('certificate.download_pdf'), t.artifacts, 'rtl-certificate.pdf'));
        assert.ok(pdf.includes(word(source.tag, 'pdf.certifies')), `the PDF is in ${source.name}:\n${pdf}`);
        assert.ok(!/[\u0600-\u06FF]/.test(pdf), 'no Arabic in the PDF');
        const record = JSON.parse(await readFile(await saveDownload(page, w('certificate.download_json'), t.artifacts, 'rtl-completion.json'), 'utf8'));
        assert.equal(record.lang, tag, 'the file for the manager is in the learner\'s language');
        // The modules without Arabic texts were asked for and fell back.
        const withTexts = new Set(['report']);
        const lacking = (await loadOrganisation(t.root)).modules.filter((id) => !withTexts.has(id))
          .map((id) => `content/languages/${tag}/modules/${id}.json`);
        console.log(`     not found: ${notFound.join(', ')}`);
        allowMissing(t, notFound, lacking);
      } finally {
        await copy.close();
      }
    },
  },
  {
    name: 'a Finnish learner goes from the start page to a certificate, and the manager reads it in Finnish',
    async run(t) {
      const fi = (key) => word('fi', key);
      const finnish = (await loadOrganisation(t.root)).languages.find((l) => l.tag === 'fi');
      const course = await loadCourseTexts(t.root, 'fi');
      const page = await openPage(t, '#/');
      await page.getByLabel(finnish.name, { exact: true }).check();
      await langIs(page, 'fi');
      assert.equal(await heading(page), fi('start.title'));
      await page.getByLabel(fi('role.employee'), { exact: true }).check();
      await page.getByRole('button', { name: fi('start.begin') }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.equal(await heading(page), fi('page.training'));

      // One module's quiz by the quiz driver, reading the Finnish words; the rest seeded.
      const module = await loadModule(t.root, 'report');
      // A Swedish term quoted in a Finnish lesson is marked as Swedish, for screen readers.
      await go(page, `#/module/report/lesson/${module.sections.findIndex((s) => s.id === 'whistleblowing') + 1}`);
      assert.deepEqual(await page.locator('main span[lang="sv"]').allTextContents(),
        ['visselblåsarkanal', 'lagen om skydd för personer som rapporterar om missförhållanden']);
      assert.doesNotMatch(await page.textContent('main'), /\]\{lang=/, 'no markup shows');
      await go(page, '#/module/report/quiz');
      await press(page, fi('quiz.start'));
      await finishQuiz(page, module, { lang: 'fi' });
      assert.match(await page.textContent('.result-box'), new RegExp(escape(fi('quiz.result.passed'))));

      // An ordering question whose Finnish steps hold a long word ("turvallisuusyksiköstä")
      // fits a 320 px phone: the step wraps, its buttons stay on the screen (seeded, one
      // question).
      const everyday = await loadModule(t.root, 'everyday');
      const travel = everyday.questions.find((q) => q.id === 'travel-order');
      await seedAttempt(page, await progressKey(t.root), 'everyday', [
        { question_id: travel.id, order: travel.steps.map((_, i) => i).reverse() },
      ]);
      await go(page, '#/module/everyday/quiz');
      await page.reload();
      await page.waitForSelector('.order-list');
      const wide = page.viewportSize();
      await page.setViewportSize({ width: 320, height: 640 });
      const outside = await page.evaluate(() => [...document.querySelectorAll('.order-item, .order-item button')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth).length
        + Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
      await page.setViewportSize(wide);
      assert.equal(outside, 0, 'the Finnish ordering question fits 320 px');

      // Swedish terms quoted in a Finnish question's options are marked as Swedish in the
      // options' labels, in the right answer the feedback shows and in the review, and no
      // markup shows as characters. A quiz of one question (seeded): two options picked, one
      // of them wrong, so the review lists both the learner's answer and the right one.
      const digital = await loadModule(t.root, 'digital');
      const classes = digital.questions.find((q) => q.id === 'security-classes');
      const optionTexts = (await loadModuleTexts(t.root, 'fi', 'digital')).questions[classes.id];
      const swedishOf = (option) => [...optionTexts[option.id].matchAll(/\[([^\]]+)\]\{lang=sv\}/g)].map((m) => m[1]);
      await seedAttempt(page, await progressKey(t.root), 'digital', [
        { question_id: classes.id, order: classes.options.map((_, i) => i) },
      ]);
      await go(page, '#/module/digital/quiz');
      await page.reload();
      await page.waitForSelector('.question-card');
      const marked = classes.options.filter((o) => swedishOf(o).length > 0);
      assert.ok(marked.length >= 4, `options with a Swedish term: ${marked.map((o) => o.id)}`);
      for (const [i, option] of classes.options.entries()) {
        assert.deepEqual(await page.locator(`label[for="option-${i}"] span[lang="sv"]`).allTextContents(), swedishOf(option),
          `option ${option.id} marks its Swedish term`);
      }
      /** No markup anywhere on the page, in its text or in an attribute (a button's name). */
      const noRawMarkup = async (where) => {
        const raw = await page.evaluate(() => [document.body.textContent,
          ...[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value))]
          .filter((text) => /\{lang=|\]\{/.test(text)));
        assert.deepEqual(raw, [], `no markup shows as characters ${where}`);
      };
      await noRawMarkup('on the question');
      const right = classes.options.find((o) => o.correct && swedishOf(o).length > 0);
      const wrong = classes.options.find((o) => !o.correct && swedishOf(o).length > 0);
      assert.ok(right && wrong, 'a right and a wrong option with a Swedish term');
      const picked = classes.options.filter((o) => o === right || o === wrong);
      for (const o of picked) await page.check(`#option-${classes.options.indexOf(o)}`);
      await press(page, fi('quiz.check'));
      await page.waitForSelector('.feedback-region .feedback');
      const rightOnes = classes.options.filter((o) => o.correct).flatMap(swedishOf);
      assert.deepEqual(await page.locator('.feedback-region span[lang="sv"]').allTextContents(), rightOnes,
        'the right answer in the feedback marks its Swedish terms');
      await noRawMarkup('in the feedback');
      await next(page, { lang: 'fi' });
      await page.waitForSelector('.results .review-item');
      assert.deepEqual(await page.locator('.review-item span[lang="sv"]').allTextContents(), [...picked.flatMap(swedishOf), ...rightOnes],
        'the review marks the Swedish terms of the answer given and of the right answer');
      await noRawMarkup('in the review');
      await expectAxeClean(page, 'quiz review in Finnish');

      await seedPassed(page, await progressKey(t.root), await requiredModules(t.root));

      await go(page, '#/certificate');
      const learner = 'Aino Väänänen';
      await page.fill('#full-name', learner);
      await page.fill('#unit', 'Kotihoito');
      await page.getByRole('button', { name: fi('certificate.save_details') }).click();
      await page.waitForSelector('.certificate-preview');
      await expectAxeClean(page, 'certificate page in Finnish');

      const pdf = pdftotext(await saveDownload(page, fi('certificate.download_pdf'), t.artifacts, 'fi-certificate.pdf'));
      for (const expected of [fi('pdf.certifies'), course.modules.report.title, learner, 'Kotihoito']) {
        assert.ok(pdf.replace(/\s+/g, ' ').includes(expected), `the PDF has ${expected}:\n${pdf}`);
      }
      const json = await saveDownload(page, fi('certificate.download_json'), t.artifacts, 'fi-completion.json');
      const record = JSON.parse(await readFile(json, 'utf8'));
      assert.equal(record.lang, 'fi');
      // Dates as Finnish writes them (the browser's Intl), in the PDF as on the page.
      const written = (iso, dateStyle) => page.evaluate(([iso, dateStyle]) =>
        new Intl.DateTimeFormat('fi', { dateStyle, timeZone: 'UTC' }).format(new Date(iso)), [iso, dateStyle]);
      const flatPdf = pdf.replace(/\s+/g, ' ');
      for (const iso of [record.completed_on, record.valid_until, ...record.modules.map((m) => m.passed_on)]) {
        const long = await written(iso, 'long');
        assert.ok(flatPdf.includes(long), `the PDF writes ${iso} as ${long}:\n${pdf}`);
        assert.ok(!flatPdf.includes(iso), `no ISO date ${iso} in the PDF`);
        assert.ok((await page.textContent('.certificate-preview')).includes(long), `the page writes ${iso} as ${long}`);
      }
      const verified = runTrygg(t, ['verify', json]);
      assert.equal(verified.code, 0, verified.out);
      const ics = (await readFile(await saveDownload(page, fi('certificate.download_ics'), t.artifacts, 'fi-renewal.ics'), 'utf8'))
        .replace(/\r\n[ \t]/g, '');
      const summary = fi('ics.summary_org').replace('{organisation}', course.organisation.name);
      assert.match(ics, new RegExp(`\r\nSUMMARY(;LANGUAGE=fi)?:${escape(summary)}\r\n`), `the reminder is in Finnish: ${ics}`);
      const until = await written(record.valid_until, 'long');
      assert.ok(ics.includes(until), `the reminder's text writes ${record.valid_until} as ${until}: ${ics}`);
      assert.ok(!ics.includes(record.valid_until), 'no ISO date in its text (its event dates are written 20271207)');

      // The saved progress downloads under a Finnish file name, as the certificate does.
      await go(page, '#/data');
      const [progressFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fi('data.download.button') }).click()]);
      const org = await loadOrganisation(t.root);
      assert.equal(progressFile.suggestedFilename(), `${fi('file.progress')}-${org.course_id}.json`);
      assert.notEqual(fi('file.progress'), word('sv', 'file.progress'));

      // The manager view, in Finnish, imports the file and lists the person.
      await page.click(`.site-header a[href="#/manager"]`);
      await page.waitForSelector('main[data-route="#/manager"] .drop-zone');
      assert.equal(await heading(page), fi('page.manager'));
      await page.setInputFiles('#manager-files', json);
      await page.waitForSelector('#manager-result');
      const row = page.locator('.roster-table tbody tr', { hasText: learner });
      assert.equal(await row.count(), 1, 'the learner is in the roster');
      assert.match(await row.textContent(), new RegExp(escape(fi('manager.status.valid'))));
      const rowDates = await row.locator('td.cell-date').allTextContents();
      assert.deepEqual(rowDates, [await written(record.completed_on, 'medium'), await written(record.valid_until, 'medium')],
        'the roster writes dates as Finnish does');
      await expectAxeClean(page, 'manager view in Finnish');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fi('manager.export.csv') }).click()]);
      const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
      const headings = csv[0].split(/[;,](?=")/).map((h) => h.replace(/^"|"$/g, ''));
      const finnishHeadings = Object.entries(JSON.parse(await readFile(path.join(t.root, 'dist/content/languages/fi/ui.json'), 'utf8')))
        .filter(([k]) => k.startsWith('csv.')).map(([, v]) => v);
      assert.deepEqual(new Set(headings), new Set(finnishHeadings), `the CSV headings are Finnish: ${csv[0]}`);
      assert.ok(csv[1].includes(learner));
    },
  },
  {
    name: 'switching language on a lesson and mid-quiz keeps the page, the question and the answer chosen, fetching only the other language\'s files',
    async run(t) {
      const [source] = await shippedLanguages(t.root);
      const other = 'fi';
      const page = await openPage(t, '#/');
      await page.getByLabel(word(source.tag, 'role.employee'), { exact: true }).check();
      await page.getByRole('button', { name: word(source.tag, 'start.begin') }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      const module = await loadModule(t.root, 'report');
      const titleOf = async (lang, i) => (await loadModuleTexts(t.root, lang, 'report')).sections[module.sections[i].id].title;

      /** Requests for content files while `act` runs and the page settles: until no request
       *  for longer than the page waits to ask for the other modules' texts once it is shown
       *  (`networkidle` does not wait again once a page has reached it). */
      const contentRequests = async (act) => {
        const seen = [];
        const listen = (r) => { const p = new URL(r.url()).pathname; if (p.includes('/content/')) seen.push(p.replace(/^.*\/content\//, '')); };
        page.on('request', listen);
        await act();
        for (let count = -1; count !== seen.length;) {
          count = seen.length;
          await page.waitForTimeout(1500);
        }
        page.off('request', listen);
        return seen;
      };
      const onlyLanguage = (seen, lang, where) => {
        const wrong = seen.filter((p) => !p.startsWith(`languages/${lang}/`));
        assert.deepEqual(wrong, [], `${where}: only ${lang}'s files fetched, got ${seen}`);
      };
      const switchTo = async (lang, waitFor) => contentRequests(async () => {
        await page.click(`.lang-switch button[lang="${lang}"]`);
        await langIs(page, lang);
        await waitFor();
      });

      // On a lesson: the same section, in the other language, and back.
      await go(page, '#/module/report/lesson/2');
      await page.waitForLoadState('networkidle');
      const titleIs = (title) => () => page.waitForFunction((x) => document.querySelector('#page-title')?.textContent === x, title);
      let seen = await switchTo(other, titleIs(await titleOf(other, 1)));
      assert.match(page.url(), /#\/module\/report\/lesson\/2$/);
      assert.ok(seen.includes(`languages/${other}/ui.json`) && seen.includes(`languages/${other}/modules/report.json`), `fetched ${seen}`);
      onlyLanguage(seen, other, 'to Finnish on a lesson');
      seen = await switchTo(source.tag, titleIs(await titleOf(source.tag, 1)));
      onlyLanguage(seen, source.tag, 'back on a lesson');
      assert.match(page.url(), /#\/module\/report\/lesson\/2$/);

      // Mid-quiz: a quiz of two questions, the first answered, the second's answer chosen
      // but not checked yet.
      const [first, second] = module.questions.filter((q) => q.type === 'single');
      await page.evaluate(([k, plan]) => {
        const doc = JSON.parse(localStorage.getItem(k));
        doc.modules.report = { ...(doc.modules.report || {}), attempts: 0,
          attempt: { plan, answers: [null, null], current: 0, started_ms: Date.now(), updated_ms: Date.now(), finished: false } };
        localStorage.setItem(k, JSON.stringify(doc));
      }, [await progressKey(t.root), { module_id: 'report', seed: 5, items: [first, second].map((q) => ({ question_id: q.id, order: q.options.map((_, i) => i) })) }]);
      await go(page, '#/module/report/quiz');
      await page.reload();
      await page.waitForSelector('.question-card');
      await answerQuestion(page, module, { lang: source.tag });
      await next(page, { lang: source.tag });
      await page.waitForFunction((id) => document.querySelector('.question-card')?.dataset.questionId === id, second.id);
      await page.check('#option-2');
      const promptOf = async (lang) => (await loadModuleTexts(t.root, lang, 'report')).questions[second.id].prompt;
      const promptIs = (prompt) => () => page.waitForFunction((x) => document.querySelector('.question-card')?.textContent.includes(x), prompt);
      for (const lang of [other, source.tag]) {
        seen = await switchTo(lang, promptIs(await promptOf(lang)));
        onlyLanguage(seen, lang, `mid-quiz to ${lang}`);
        assert.equal(await page.getAttribute('.question-card', 'data-question-id'), second.id, 'the same question');
        assert.equal(await page.isChecked('#option-2'), true, 'the answer chosen is still there');
        assert.equal(await page.textContent('#question-title'), word(lang, 'quiz.counter').replace('{n}', '2').replace('{total}', '2'));
      }
      const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), await progressKey(t.root)));
      assert.equal(saved.modules.report.attempt.answers.filter(Boolean).length, 1, 'the first answer kept');
    },
  },
];

/**
 * A learner walks a pseudo-language (made from English, falling back to English) whose files
 * lack what `gaps` drops: on my training, the first lesson of `report` and a question of its
 * quiz, every text is either the language's own (in the marks) or inside an element marked
 * lang="en", axe is clean, and each of `expected[page]` shows inside such an element.
 */
async function walkPartialLanguage(t, gaps, expected) {
  const tag = 'en-XB';
  const copy = await releaseCopy(t, async (content) => {
    await writePseudoLanguage(content, { from: 'en', tag, ...gaps });
    await listLanguage(content, { tag, name: wrap('Partial'), fallback: 'en' });
  });
  try {
    const w = (key) => word(tag, key, copy.dir);
    const { context, notFound } = await contextListing404(t);
    const page = await openPage(t, '#/', { base: copy.server.subUrl, context });
    await page.check(`#lang-${tag}`);
    await langIs(page, tag);
    await page.getByLabel(w('role.employee'), { exact: true }).check();
    await page.getByRole('button', { name: w('start.begin') }).click();
    await page.waitForSelector('main[data-route="#/training"]');
    const check = async (where) => {
      // The fallback's words are read once a page misses one: a round trip after it renders.
      const dropped = gaps.dropWords || [];
      if (dropped.length) {
        await page.waitForFunction((keys) => !keys.some((k) => document.body.innerText.includes(k)), dropped)
          .catch(() => {}); // expectAxeClean names any key still shown
      }
      await expectAxeClean(page, where);
      // Text only: a label that joins words of two languages cannot mark one of them.
      assert.deepEqual(await unwrappedWords(page, tag, ['Trygg'], { labels: false }), [], `unmarked fallback text on ${where}`);
      const marked = (await page.$$eval('[lang="en"]', (els) => els.map((e) => e.textContent.trim()))).join('\n');
      // At least one of the page's expected words: a page shows the ones its state needs.
      if (expected[where].length) assert.ok(expected[where].some((text) => marked.includes(text)), `${where}: one of ${expected[where]} shown marked lang="en"`);
      for (const text of expected[where]) {
        if (await page.getByText(text, { exact: true }).count()) assert.ok(marked.includes(text), `${where}: "${text}" shown marked lang="en"`);
      }
    };
    await check('training');
    // Away and back (to the fallback and to the partial language again): its gaps are filled
    // again, each time the language is read.
    for (const lang of ['en', tag, 'sv', tag]) {
      await page.click(`.lang-switch button[lang="${lang}"]`);
      await langIs(page, lang);
    }
    await check('training');
    await go(page, '#/module/report/lesson/1');
    await check('lesson');
    await go(page, '#/module/report/quiz');
    const start = word(gaps.dropWords?.includes('quiz.start') ? 'en' : tag, 'quiz.start', copy.dir);
    await press(page, start);
    await page.waitForSelector('.question-card');
    await check('question');
    if (expected.manager) {
      await go(page, '#/manager');
      await page.waitForSelector('#manager-import-title');
      await check('manager');
    }
    allowMissing(t, notFound, (gaps.dropFiles || []).map((f) => `content/languages/${tag}/${f}`));
    console.log(`     ${notFound.length} requests for the language's missing files`);
  } finally {
    await copy.close();
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
