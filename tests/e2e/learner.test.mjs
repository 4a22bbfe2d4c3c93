// The learner's path: choose a role, read lessons, pass a quiz by keyboard alone, resume
// after reload, fail and retry, two tabs, recovery from corrupted or blocked storage,
// restore from a file, and a 320 px wide phone.
import { readFile } from 'node:fs/promises';
import { openPage, expectAxeClean, heading, assert } from './harness.mjs';
import { loadModule, loadCourseTexts, answerQuestion, next, finishQuiz, press, requiredModules } from './quiz-driver.mjs';
import { seedAttempt } from './languages-kit.mjs';

const KEY = 'trygg:trygg-exempelregionen:progress';
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function chooseRole(page, roleLabel = 'Medarbetare') {
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.waitForSelector('.start-form');
  await page.getByLabel(roleLabel, { exact: true }).check();
  await page.getByRole('button', { name: /Börja utbildningen|Fortsätt till min utbildning/ }).click();
  await page.waitForSelector('main[data-route="#/training"]');
}

async function startQuiz(page, moduleId) {
  await page.goto(page.url().replace(/#.*$/, `#/module/${moduleId}/quiz`));
  await page.waitForSelector(`main[data-route="#/module/${moduleId}/quiz"]`);
  await page.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
  await page.waitForSelector('.question-card');
}

export default [
  {
    name: 'a learner completes a module by keyboard alone, with axe clean on every step',
    async run(t) {
      const module = await loadModule(t.root, 'report');
      const page = await openPage(t, '#/');
      // Submitting without a role explains what is missing.
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      assert.equal(await page.textContent('#role-missing'), 'Välj din roll för att fortsätta.');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'role-employee');
      await page.evaluate(() => document.activeElement.blur());
      // Start page: role by keyboard (Tab into the role group, arrows to choose), then submit.
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.name)) !== 'role'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      assert.equal(await page.isChecked('#role-employee'), true);
      await expectAxeClean(page, 'start page with role chosen');
      await press(page, 'Börja utbildningen', { keyboard: true });
      await page.waitForSelector('main[data-route="#/training"]');
      // Focus moves to the new page's heading (waited for: the hash changes before the render).
      await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
      await expectAxeClean(page, 'my training');
      // Open the module from "my training" and read every section with the keyboard.
      await press(page, 'Börja', { keyboard: true });
      await page.waitForSelector('main[data-route^="#/module/"]');
      const opened = await page.evaluate(() => location.hash);
      await page.goto(page.url().replace(/#.*$/, '#/module/report/lesson/1'));
      await page.waitForSelector('main[data-route="#/module/report/lesson/1"]');
      // The tab's title names the module as well as the page.
      assert.equal(await page.title(), 'Vad ska du rapportera? – Rapportera – Trygg');
      let sections = 0;
      while (!(await page.evaluate(() => location.hash.endsWith('/quiz')))) {
        sections++;
        await expectAxeClean(page, `lesson section ${sections}`);
        const label = (await page.textContent('.pager .button:last-child')).trim();
        await press(page, label, { keyboard: true });
        await page.waitForFunction(() => document.activeElement?.id === 'page-title');
      }
      assert.ok(sections >= 3, `read ${sections} sections (opened ${opened})`);
      assert.match(await page.textContent('main'), /För godkänt krävs 80 % av poängen\./, 'the intro says what it takes to pass');
      await press(page, 'Starta kunskapsprovet', { keyboard: true });
      await page.waitForSelector('.question-card');
      await page.waitForFunction(() => document.activeElement?.id === 'question-title', null, { timeout: 5000 });
      assert.equal(await page.title(), 'Kunskapsprov – Rapportera – Trygg');
      await expectAxeClean(page, 'first question');
      const first = await answerQuestion(page, module, { keyboard: true });
      assert.ok(first);
      assert.match(await page.textContent('#feedback'), /Rätt!/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'feedback', 'focus moves to the feedback');
      assert.equal(await page.getAttribute('#feedback', 'role'), null, 'which is not also a live region, read twice');
      await expectAxeClean(page, 'feedback');
      await next(page, { keyboard: true });
      await finishQuiz(page, module, { keyboard: true });
      assert.match(await page.textContent('.result-box'), /Godkänt!/);
      assert.match(await page.textContent('.result-box'), /100 %/);
      await page.waitForFunction(() => document.activeElement?.id === 'result-title', null, { timeout: 5000 });
      assert.equal(await page.$$eval('.review-item', (els) => els.length), 8);
      await expectAxeClean(page, 'results and review');
      await press(page, 'Tillbaka till min utbildning', { keyboard: true });
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('main'), /Godkänd/);
      assert.match(await page.textContent('.overall'), new RegExp(`1 av ${(await requiredModules(t.root)).length}`));
    },
  },
  {
    name: 'a quiz page the visit began on (a link, a reload) gives the first question the focus once started, and again on a retake',
    async run(t) {
      const module = await loadModule(t.root, 'roles');
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/quiz'));
      await page.reload();
      await page.waitForSelector('main[data-route="#/module/roles/quiz"]');
      await press(page, 'Starta kunskapsprovet', { keyboard: true });
      await page.waitForSelector('.question-card');
      // The button is gone with the intro: without this the focus fell to the body.
      await page.waitForFunction(() => document.activeElement?.id === 'question-title', null, { timeout: 5000 });
      await finishQuiz(page, module, { keyboard: true, right: false });
      await page.waitForFunction(() => document.activeElement?.id === 'result-title', null, { timeout: 5000 });
      await press(page, 'Försök igen', { keyboard: true });
      await page.waitForSelector('.question-card');
      await page.waitForFunction(() => document.activeElement?.id === 'question-title', null, { timeout: 5000 });
    },
  },
  {
    name: 'reload mid-quiz resumes the same question with earlier answers intact',
    async run(t) {
      const module = await loadModule(t.root, 'threats');
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await startQuiz(page, 'threats');
      const answered = [];
      for (let i = 0; i < 3; i++) {
        answered.push(await answerQuestion(page, module));
        await next(page);
        await page.waitForFunction((n) => document.querySelector('#question-title')?.textContent === `Fråga ${n} av 8`, i + 2);
      }
      const current = await page.getAttribute('.question-card', 'data-question-id');
      const before = JSON.parse(await stored(page));
      await page.reload();
      await page.waitForSelector('.question-card');
      assert.equal(await heading(page), 'Kunskapsprov');
      assert.equal(await page.textContent('#question-title'), 'Fråga 4 av 8');
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true,
        'a reload starts at the top of the document, as on every page');
      assert.equal(await page.getAttribute('.question-card', 'data-question-id'), current);
      const after = JSON.parse(await stored(page));
      assert.deepEqual(after.modules.threats.attempt.answers, before.modules.threats.attempt.answers);
      assert.equal(after.modules.threats.attempt.answers.filter(Boolean).length, 3);
      // A half-done scenario also survives a reload: answer this one partly if it is a scenario.
      await finishQuiz(page, module);
      const review = await page.$$eval('.review-item', (els) => els.map((e) => e.className));
      assert.equal(review.filter((c) => c.includes('ok')).length, 8, 'all eight right, including the three before reload');
    },
  },
  {
    name: 'failing offers a retry with a freshly drawn set; passing records the result',
    async run(t) {
      const module = await loadModule(t.root, 'everyday');
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await startQuiz(page, 'everyday');
      const firstPlan = JSON.parse(await stored(page)).modules.everyday.attempt.plan;
      // A wrong answer to a choice question marks the right option and the wrong choice.
      const typeNow = async () => {
        const id = await page.getAttribute('.question-card', 'data-question-id');
        return module.questions.find((q) => q.id === id)?.type;
      };
      while (!['single', 'multiple', 'true_false'].includes(await typeNow())) {
        await answerQuestion(page, module, { right: false });
        await next(page);
        await page.waitForSelector('.question-card');
      }
      await answerQuestion(page, module, { right: false });
      assert.ok(await page.locator('.choice.right .option-mark', { hasText: 'Rätt svar' }).count() >= 1, 'the right option is marked');
      assert.ok(await page.locator('.choice.wrong .option-mark', { hasText: 'Ditt val, fel' }).count() >= 1, 'the wrong choice is marked');
      assert.match(await page.locator('.choice.wrong label').first().textContent(), /\S Ditt val, fel$/,
        'the mark is a word of its own in the label ("Sant ✗ Ditt val, fel", not "Sant✗ Ditt val")');
      await expectAxeClean(page, 'marked options');
      await next(page);
      await finishQuiz(page, module, { right: false });
      assert.match(await page.textContent('.result-box'), /Inte godkänt/);
      assert.match(await page.textContent('.review-list'), /Rätt svar:/);
      await expectAxeClean(page, 'failed result');
      // "My training" says the quiz was not passed, with the score, and offers it again.
      await page.goto(page.url().replace(/#.*$/, '#/training'));
      await page.waitForSelector('main[data-route="#/training"]');
      const card = page.locator('.module-card', { hasText: (await loadCourseTexts(t.root, 'sv')).modules[module.id].title });
      assert.match(await card.textContent(), /Inte godkänt än.*Senaste provet: \d+ %\. Det krävs 80 %\./s);
      await card.getByRole('link', { name: /^Gör om provet/ }).click();
      await page.waitForSelector('main[data-route="#/module/everyday/quiz"]');
      await page.getByRole('button', { name: 'Försök igen', exact: true }).click();
      await page.waitForSelector('.question-card');
      const secondPlan = JSON.parse(await stored(page)).modules.everyday.attempt.plan;
      assert.notEqual(secondPlan.seed, firstPlan.seed);
      assert.notDeepEqual(secondPlan.items, firstPlan.items, 'a fresh, reshuffled set');
      await finishQuiz(page, module);
      assert.match(await page.textContent('.result-box'), /Godkänt!/);
      const saved = JSON.parse(await stored(page)).modules.everyday;
      assert.equal(saved.attempts, 2);
      assert.equal(saved.best_percent, 100);
      assert.ok(saved.last_pass.passed_ms > 0);
    },
  },
  {
    name: 'a scenario answered partly is called partly right in its feedback, its score and the review',
    async run(t) {
      // A quiz of one scenario (seeded), its first step answered wisely and the rest poorly.
      const module = await loadModule(t.root, 'violence');
      const scenario = module.questions.find((q) => q.type === 'scenario' && q.steps.length >= 2);
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await seedAttempt(page, KEY, 'violence', [{ question_id: scenario.id, order: [] }]);
      await page.goto(page.url().replace(/#.*$/, '#/module/violence/quiz'));
      await page.reload();
      await page.waitForSelector('.scenario-current');
      let taken = 0;
      while (await page.$('.scenario-current')) {
        const stepId = (await page.getAttribute('.scenario-current input[type=radio]', 'name')).replace(/^step-/, '');
        const step = scenario.steps.find((s) => s.id === stepId);
        const wise = taken === 0;
        await page.check(`#choice-${stepId}-${step.choices.findIndex((c) => !!c.correct === wise)}`);
        await press(page, 'Välj');
        taken += 1;
        await page.waitForFunction((n) => document.querySelectorAll('.scenario-step.done').length >= n, taken);
      }
      assert.ok(taken >= 2, `the scenario went through ${taken} steps`);
      assert.equal((await page.textContent('.feedback-region .feedback-verdict')).trim(),
        `Scenariot är slut. Kloka val: 1 av ${taken}.`);
      await next(page);
      await page.waitForSelector('.results .review-item');
      assert.match(await page.textContent('.result-score'),
        new RegExp(`^Du fick ${Math.round(100 / taken)} % av poängen och hade 0 av 1 frågor helt rätt`));
      const item = page.locator('.review-item');
      assert.equal(await item.getAttribute('class'), 'review-item partly');
      assert.equal((await item.locator('.verdict').textContent()).trim(), 'Delvis rätt:');
      assert.match(await item.textContent(), /Rätt svar:/, 'the review shows the wise path');
      await expectAxeClean(page, 'review with a partly right scenario');
    },
  },
  {
    name: 'the start page works while the module files are still loading; the training page waits for them',
    async run(t) {
      // On a slow computer (the CPU throttled twentyfold) Yew may yield between drawing the
      // page and saving, and the start button's hash change then takes the page on before the
      // save: the role must still be saved. Four rounds: without the save on the way out, most
      // rounds lost it.
      for (const round of [1, 2, 3, 4]) {
        const context = await t.browser.newContext();
        t.contexts.push(context);
        let release;
        const held = new Promise((resolve) => { release = resolve; });
        await context.route('**/content/modules/*.json', async (route) => { await held; await route.continue(); });
        const page = await openPage(t, '#/', { context });
        assert.equal(await heading(page), 'Välkommen till Trygg');
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
        await page.getByLabel('Chef', { exact: true }).check();
        await page.getByRole('button', { name: 'Börja utbildningen' }).click();
        await page.waitForSelector('main[data-route="loading"] .loading', { timeout: 60000 });
        assert.equal(JSON.parse(await stored(page))?.role, 'manager', `round ${round}: the choice is saved before the modules arrive`);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        release();
        await page.waitForSelector('main[data-route="#/training"]');
        assert.match(await page.textContent('main'), /Din roll: Chef/);
        if (round === 1) {
          await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
          await expectAxeClean(page, 'training page after a wait');
        }
        await context.close();
      }
    },
  },
  {
    name: 'a quiz whose questions were replaced in the content restarts, with a notice, and goes on should they come back',
    async run(t) {
      const module = await loadModule(t.root, 'roles');
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await startQuiz(page, 'roles');
      await answerQuestion(page, module);
      await next(page);
      await page.waitForFunction(() => document.querySelector('#question-title')?.textContent === 'Fråga 2 av 8');
      // As if the security officer had replaced the first question since the quiz began.
      const setFirst = (id) => page.evaluate(([k, id]) => {
        const doc = JSON.parse(localStorage.getItem(k));
        const item = doc.modules.roles.attempt.plan.items[0];
        const was = item.question_id;
        item.question_id = id;
        localStorage.setItem(k, JSON.stringify(doc));
        return was;
      }, [KEY, id]);
      const first = await setFirst('a-question-that-was-removed');
      await page.goto(page.url().replace(/#.*$/, '#/training'));
      await page.reload();
      await page.waitForSelector('main[data-route="#/training"] .module-card');
      assert.match(await page.textContent('.banner'), /har ändrats sedan du började kunskapsprovet/);
      const card = page.locator('.module-card:has(a[href^="#/module/roles/"])');
      assert.doesNotMatch(await card.textContent(), /fråga \d+ i kunskapsprovet/, 'no question to go on with');
      await expectAxeClean(page, 'quiz restarted notice');
      await page.goto(page.url().replace(/#.*$/, '#/module/roles/quiz'));
      await page.getByRole('button', { name: 'Starta kunskapsprovet' }).waitFor();
      const doc = JSON.parse(await stored(page));
      assert.equal(doc.modules.roles.attempt.answers.filter(Boolean).length, 1, 'the attempt is kept, its answer too');
      // The officer undoes the change: the quiz goes on at question 2, without a notice.
      await setFirst(first);
      await page.reload();
      await page.waitForSelector('.question-card');
      assert.equal(await page.textContent('#question-title'), 'Fråga 2 av 8');
      assert.equal(await page.locator('.banner', { hasText: 'har ändrats sedan' }).count(), 0);
    },
  },
  {
    name: 'two tabs: each sees the other\'s changes and neither overwrites newer answers',
    async run(t) {
      const module = await loadModule(t.root, 'roles');
      const a = await openPage(t, '#/');
      await chooseRole(a);
      const b = await openPage(t, '#/training', { context: a.context() });
      await startQuiz(a, 'roles');
      await answerQuestion(a, module);
      // Tab B learns of tab A's attempt through the storage event.
      await b.waitForFunction(() => /fråga 1 i kunskapsprovet/.test(document.querySelector('main')?.textContent || ''));
      // Tab B reads a lesson (a change of its own) while A answers another question.
      await b.goto(b.url().replace(/#.*$/, '#/module/violence/lesson/2'));
      await b.waitForSelector('main[data-route="#/module/violence/lesson/2"]');
      await next(a);
      await a.waitForSelector('#question-title');
      await answerQuestion(a, module);
      await a.waitForFunction(([k]) => {
        const doc = JSON.parse(localStorage.getItem(k) || '{}');
        return doc.modules?.roles?.attempt?.answers?.filter(Boolean).length === 2;
      }, [KEY]);
      // B saves again after A's second answer; the saved document must still hold it.
      await b.goto(b.url().replace(/#.*$/, '#/module/violence/lesson/3'));
      await b.waitForSelector('main[data-route="#/module/violence/lesson/3"]');
      await b.waitForFunction(([k]) => JSON.parse(localStorage.getItem(k) || '{}').modules?.violence?.lesson_step >= 2, [KEY]);
      const doc = JSON.parse(await stored(a));
      assert.equal(doc.modules.roles.attempt.answers.filter(Boolean).length, 2, 'both of A\'s answers kept');
      assert.ok(doc.modules.violence.lesson_step >= 1, 'B\'s lesson step kept');
    },
  },
  {
    name: 'corrupted saved data is backed up, explained and downloadable, and the learner starts fresh',
    async run(t) {
      const page = await openPage(t, '#/');
      await page.evaluate((k) => localStorage.setItem(k, '{"version": 2, "course_id": "trygg-exempelregionen", "modules": {'), KEY);
      await page.reload();
      await page.waitForSelector('.banner.warning');
      assert.match(await page.textContent('.banner.warning'), /gick inte att läsa/);
      const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':backup:')));
      assert.equal(backups.length, 1);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), '{"version": 2, "course_id": "trygg-exempelregionen", "modules": {');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner de oläsbara uppgifterna' }).click()]);
      assert.match(await readFile(await download.path(), 'utf8'), /"modules": \{$/);
      await expectAxeClean(page, 'recovery banner');
      await chooseRole(page);
      assert.equal(JSON.parse(await stored(page)).role, 'employee', 'a fresh document is saved');
      // After the course pages, the one-off warning is gone, but "my data" still offers the
      // set-aside data until everything is deleted.
      await page.goto(page.url().replace(/#.*$/, '#/data'));
      await page.waitForSelector('main[data-route="#/data"]');
      assert.equal(await page.locator('.banner.warning').count(), 0);
      const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner de undanlagda uppgifterna' }).click()]);
      assert.match(await readFile(await again.path(), 'utf8'), /"modules": \{$/);
      await expectAxeClean(page, 'my data with a backup');
      await page.getByRole('button', { name: 'Radera allt' }).click();
      await page.getByRole('button', { name: 'Ja, radera allt' }).click();
      await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.includes(':backup:')));
      assert.equal(await page.getByRole('button', { name: 'Ladda ner de oläsbara uppgifterna' }).count(), 0);
      // Nothing is left to download: the page says so instead of offering an empty file.
      await page.waitForSelector('text=Inget är sparat här än.');
      assert.equal(await page.getByRole('button', { name: 'Ladda ner mina framsteg' }).count(), 0);
    },
  },
  {
    name: 'blocked storage: the app still works and warns that progress will not be kept',
    async run(t) {
      const context = await t.browser.newContext();
      t.contexts.push(context);
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
        Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
      });
      const page = await openPage(t, '#/', { context });
      assert.match(await page.textContent('.banner.warning'), /tillåter inte/);
      await page.getByLabel('Chef', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('main'), /Din roll: Chef/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.banner.warning').getByRole('button', { name: 'Ladda ner mina framsteg' }).click()]);
      const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(saved.role, 'manager');
      await expectAxeClean(page, 'blocked storage warning');
    },
  },
  {
    name: 'restore from a downloaded file in another browser; wrong files change nothing',
    async run(t) {
      const module = await loadModule(t.root, 'report');
      const page = await openPage(t, '#/');
      await chooseRole(page);
      await startQuiz(page, 'report');
      await finishQuiz(page, module);
      await page.goto(page.url().replace(/#.*$/, '#/data'));
      await page.waitForSelector('main[data-route="#/data"]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner mina framsteg' }).click()]);
      const file = await download.path();
      // Another browser (a new context has empty storage).
      const other = await openPage(t, '#/data');
      await other.setInputFiles('#restore-file', { name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
      await other.waitForSelector('.restore-status .feedback.bad');
      assert.match(await other.textContent('.restore-status'), /fel\.json användes inte: filen är skadad/);
      await other.setInputFiles('#restore-file', { name: 'annan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 2, course_id: 'annan-kurs', modules: {} })) });
      await other.waitForFunction(() => /annan-kurs/.test(document.querySelector('.restore-status')?.textContent || ''));
      await other.setInputFiles('#restore-file', { name: 'nyare.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 99, course_id: 'trygg-exempelregionen' })) });
      await other.waitForFunction(() => /nyare version/.test(document.querySelector('.restore-status')?.textContent || ''));
      assert.equal(await other.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing was saved from wrong files');
      await other.setInputFiles('#restore-file', file);
      await other.waitForSelector('.restore-status .feedback.ok');
      // Said once, where the file was picked: no banner repeats it to a screen reader.
      await other.waitForTimeout(200);
      const said = await other.$$eval('[role=status]', (regions) => regions.map((r) => r.textContent.trim()).filter(Boolean));
      assert.deepEqual(said, [await other.textContent('.restore-status .feedback.ok')], 'one status message after a restore');
      await expectAxeClean(other, 'my data after restore');
      await other.goto(other.url().replace(/#.*$/, '#/training'));
      await other.waitForSelector('.module-card');
      assert.match(await other.textContent('main'), /Godkänd/);
      // Delete everything, with confirmation.
      await other.goto(other.url().replace(/#.*$/, '#/data'));
      await other.getByRole('button', { name: 'Radera allt' }).click();
      assert.equal(await other.evaluate(() => document.activeElement?.id), 'confirm-delete-title', 'focus on the question');
      await other.getByRole('button', { name: 'Avbryt' }).click();
      await other.waitForFunction(() => document.activeElement?.id === 'delete-everything');
      // Escape says no too, as in any dialog.
      await other.getByRole('button', { name: 'Radera allt' }).click();
      await other.waitForFunction(() => document.activeElement?.id === 'confirm-delete-title');
      await other.keyboard.press('Escape');
      await other.waitForFunction(() => document.activeElement?.id === 'delete-everything' && !document.querySelector('[role=alertdialog]'));
      assert.match(await other.textContent('main'), /Ladda ner mina framsteg/);
      await other.getByRole('button', { name: 'Radera allt' }).click();
      await other.getByRole('button', { name: 'Ja, radera allt' }).click();
      await other.waitForFunction((k) => localStorage.getItem(k) === null || !localStorage.getItem(k).includes('report'), KEY);
    },
  },
  {
    name: 'a shared computer keeps progress only in this session',
    async run(t) {
      const page = await openPage(t, '#/');
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await page.getByLabel('Jag använder en delad dator').check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('.banner.warning'), /Delad dator/);
      assert.equal(await stored(page), null, 'nothing in localStorage');
      const session = await page.evaluate((k) => sessionStorage.getItem(k), KEY);
      assert.equal(JSON.parse(session).shared_computer, true);
      await page.reload();
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('.banner.warning'), /Delad dator/);
      assert.match(await page.textContent('main'), /Din roll: Medarbetare/);
      // Deleting everything also ends the shared-computer choice, at once.
      await page.click('a[href="#/data"]');
      await page.waitForSelector('main[data-route="#/data"]');
      await page.getByRole('button', { name: 'Radera allt' }).click();
      await page.getByRole('button', { name: 'Ja, radera allt' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'page-title', null, { timeout: 5000 });
      assert.doesNotMatch(await page.textContent('main'), /Delad dator|delad dator/);
      assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), KEY), null);
    },
  },
  {
    name: 'a quiz works at 320 px wide without horizontal scrolling',
    async run(t) {
      const module = await loadModule(t.root, 'violence');
      const page = await openPage(t, '#/', { viewport: { width: 320, height: 640 } });
      await chooseRole(page);
      await startQuiz(page, 'violence');
      for (let i = 0; i < 3; i++) {
        await expectAxeClean(page, `question ${i + 1} at 320 px`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
        await answerQuestion(page, module);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
        await next(page);
        await page.waitForSelector('.question-card');
      }
    },
  },
];
