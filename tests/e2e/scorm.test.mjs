// The course inside an LMS, against a real SCORM runtime (scorm-again, npm): a test LMS page
// installs the API object on the parent window and launches the course from its sub-path in
// an iframe, as an LMS does with the package's launch URL. Completion, pass and score reach
// the LMS (1.2 and 2004); a learner closing mid-quiz resumes on another computer from
// suspend_data alone; the longest path fits SCORM 1.2's 4,096 characters; a course window the
// LMS opened finds the API through its opener; an LMS that refuses calls leaves the course
// usable with a warning; and without an API the course is the site.
import { assert, expectAxeClean, trygg } from './harness.mjs';
import { loadModule, loadOrganisation, requiredModules, finishQuiz, answerQuestion, next, press } from './quiz-driver.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LMS_PATH, SUB_PATH, startServer } from './server.mjs';

/** The SCORM package of `format` as an organisation uploads it: built from dist/ with
 *  `trygg package`, unzipped, and served from the sub-path (with the test LMS page beside it).
 *  Its manifest must sit at the root of the zip. The server closes when the test's browser
 *  contexts do. */
async function packageServer(t, format) {
  const zip = path.join(t.artifacts, `trygg-${format}.zip`);
  const dir = path.join(t.artifacts, `unzipped-${format}`);
  trygg(t, ['package', '--format', format, '--out', zip, 'dist']);
  execFileSync('python3', ['-c', 'import sys, zipfile, shutil; shutil.rmtree(sys.argv[2], ignore_errors=True); zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  assert.ok(existsSync(path.join(dir, 'imsmanifest.xml')), 'imsmanifest.xml at the root of the zip');
  assert.ok(readdirSync(dir).includes('index.html'), 'the launch file beside it');
  const server = await startServer(dir);
  t.contexts.push({ pages: () => [], close: async () => { server.close(); } });
  return server;
}

/** Opens the test LMS in a fresh browser (empty storage unless `context` is given), installs
 *  the API (`version` '12' or '2004', `seed` as scorm-again's loadFromJSON takes it, or no API
 *  at all) and launches `launch` in an iframe, or (`popup`) in a new window it opens, as LMSs
 *  that launch in a new window do. Returns the LMS page and the course's frame (or window). */
async function launch(t, { version = '12', seed = null, launch: href = 'index.html?role=employee', context, server = t.server, popup = false } = {}) {
  const ctx = context || await t.browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (!context) t.contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') t.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => t.problems.push(`page error: ${err.message}`));
  await page.goto(server.url + LMS_PATH.slice(1) + 'index.html');
  await page.evaluate(({ version, seed, src, popup }) => {
    /* global Scorm12API, Scorm2004API */
    const settings = { autocommit: false, logLevel: 5 };
    if (version) {
      const api = version === '12' ? new Scorm12API(settings) : new Scorm2004API(settings);
      if (seed) api.loadFromJSON(seed, '');
      // What the LMS accepted, for the write-only elements (exit) the runtime will not read back.
      window.lmsAccepted = {};
      const name = version === '12' ? 'LMSSetValue' : 'SetValue';
      const set = api[name].bind(api);
      api[name] = (element, value) => {
        const result = set(element, value);
        if (String(result) === 'true') window.lmsAccepted[element] = value;
        return result;
      };
      window[version === '12' ? 'API' : 'API_1484_11'] = api;
      window.lmsApi = api;
    }
    if (popup) return;
    const frame = document.createElement('iframe');
    frame.title = 'Course';
    frame.style.width = '1200px';
    frame.style.height = '800px';
    frame.src = src;
    document.body.append(frame);
  }, { version, seed, src: SUB_PATH + href, popup });
  const frame = popup
    ? (await Promise.all([ctx.waitForEvent('page'), page.evaluate((src) => { window.open(src, 'course'); }, SUB_PATH + href)]))[0]
    : await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('#page-title', { timeout: 20000 });
  return { page, frame, context: ctx };
}

/** One `cmi` value as the LMS holds it (a dotted path under `cmi`). */
function cmi(page, element) {
  return page.evaluate((e) => e.split('.').slice(1).reduce((o, k) => o?.[k], window.lmsApi.cmi), element);
}

/** The last value the LMS accepted for a write-only element. */
function accepted(page, element) {
  return page.evaluate((e) => window.lmsAccepted[e], element);
}

async function go(frame, hash) {
  await frame.evaluate((h) => { window.location.hash = h; }, hash);
  await frame.waitForSelector(`main[data-route="${hash}"]`, { timeout: 20000 });
}

/** Takes the module's quiz from its start; right or all wrong. */
async function takeQuiz(t, frame, id, { right = true } = {}) {
  const module = await loadModule(t.root, id);
  await go(frame, `#/module/${id}/quiz`);
  const start = frame.getByRole('button', { name: /^(Starta kunskapsprovet|Gör om provet|Försök igen med nya frågor)$/ });
  await start.first().click();
  await frame.waitForSelector('.question-card');
  await finishQuiz(frame, module, { right });
  return module;
}

const LEARNER_12 = { core: { student_id: 'anna-1', student_name: 'Ek, Åsa' } };
const LEARNER_2004 = { learner_id: 'anna-1', learner_name: 'Åsa Ek' };

export default [
  {
    name: 'SCORM 1.2: finishing the required modules reports passed with the score, and the certificate has the LMS name',
    async run(t) {
      const org = await loadOrganisation(t.root);
      const required = await requiredModules(t.root, 'employee');
      const { page, frame } = await launch(t, { version: '12', seed: LEARNER_12, server: await packageServer(t, 'scorm12') });
      // The launch URL's role is taken: the start page asks no role question.
      assert.equal(await frame.$('#role-employee'), null);
      assert.equal(await frame.$('[data-lms-warning]'), null);
      for (const [i, id] of required.entries()) {
        await takeQuiz(t, frame, id);
        assert.match(await frame.textContent('.result-box'), /Godkänt!/, id);
        const status = await cmi(page, 'cmi.core.lesson_status');
        assert.equal(status, i + 1 < required.length ? 'incomplete' : 'passed', `after ${id}`);
        assert.match(await cmi(page, 'cmi.suspend_data'), /^T1\|/);
      }
      assert.equal(await cmi(page, 'cmi.core.score.raw'), '100');
      assert.equal(await cmi(page, 'cmi.core.score.max'), '100');
      assert.equal(await accepted(page, 'cmi.core.exit'), '');
      assert.equal(await cmi(page, 'cmi.core.lesson_location'), '/certificate');
      // Progress is kept locally too, under a key of the LMS learner's own.
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(`trygg:${org.course_id}:lms:anna-1:progress`), keys.join(', '));
      assert.ok(!keys.includes(`trygg:${org.course_id}:progress`), 'not the site\'s key');
      await go(frame, '#/certificate');
      await frame.waitForSelector('.details-form');
      assert.equal(await frame.inputValue('#full-name'), 'Åsa Ek', 'the name from the LMS');
      await frame.getByRole('button', { name: 'Spara och visa intyget' }).click();
      await frame.waitForSelector('.certificate-preview');
      assert.equal(await frame.textContent('.certificate-name'), 'Åsa Ek');
      await expectAxeClean(frame, 'certificate in the LMS');
    },
  },
  {
    name: 'SCORM 2004: a failed module reports completed and failed, and its retake passed with a higher score',
    async run(t) {
      const required = await requiredModules(t.root, 'elected');
      const { page, frame } = await launch(t, { version: '2004', seed: LEARNER_2004, launch: 'index.html?role=elected', server: await packageServer(t, 'scorm2004') });
      const [first, ...rest] = required;
      await takeQuiz(t, frame, first, { right: false });
      assert.match(await frame.textContent('.result-box'), /Inte godkänt/);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'incomplete');
      for (const id of rest) await takeQuiz(t, frame, id);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'completed');
      assert.equal(await cmi(page, 'cmi.success_status'), 'failed');
      assert.equal(await accepted(page, 'cmi.exit'), 'suspend');
      const failedScore = Number(await cmi(page, 'cmi.score.raw'));
      assert.ok(failedScore < 100, `score ${failedScore}`);
      await takeQuiz(t, frame, first);
      assert.equal(await cmi(page, 'cmi.success_status'), 'passed');
      assert.equal(await cmi(page, 'cmi.completion_status'), 'completed');
      assert.equal(Number(await cmi(page, 'cmi.score.scaled')), 1);
      assert.equal(await cmi(page, 'cmi.score.raw'), '100');
      assert.equal(await accepted(page, 'cmi.exit'), 'normal');
    },
  },
  {
    name: 'SCORM 1.2: the longest path fits suspend_data, and closing mid-quiz resumes the same question on an empty browser',
    async run(t) {
      const required = await requiredModules(t.root, 'manager');
      const first = await launch(t, { version: '12', seed: LEARNER_12, launch: 'index.html?role=manager' });
      const last = required[required.length - 1];
      // One failed try, as real learners have, then everything else passed.
      await takeQuiz(t, first.frame, required[0], { right: false });
      for (const id of required.slice(0, -1)) await takeQuiz(t, first.frame, id);
      const module = await loadModule(t.root, last);
      await go(first.frame, `#/module/${last}/quiz`);
      await first.frame.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      const half = Math.floor(module.quiz_size / 2);
      for (let i = 0; i < half; i++) {
        await answerQuestion(first.frame, module);
        await next(first.frame);
        await first.frame.waitForFunction((n) => document.querySelectorAll('.question-card').length === 1 && document.activeElement?.id === 'question-title', i);
      }
      const question = await first.frame.getAttribute('.question-card', 'data-question-id');
      const suspend = await cmi(first.page, 'cmi.suspend_data');
      console.log(`     suspend_data for the manager path, ${required.length - 1} modules passed and a quiz half done: ${suspend.length} characters`);
      assert.ok(suspend.length < 4096, `${suspend.length} characters`);
      const location = await cmi(first.page, 'cmi.core.lesson_location');
      assert.equal(location, `/module/${last}/quiz`);
      assert.equal(await accepted(first.page, 'cmi.core.exit'), 'suspend');
      await first.context.close();

      // Another computer: empty storage, only what the LMS kept.
      const seed = { core: { ...LEARNER_12.core, entry: 'resume', lesson_location: location }, suspend_data: suspend };
      const again = await launch(t, { version: '12', seed, launch: 'index.html?role=manager' });
      await again.frame.waitForSelector(`main[data-route="#/module/${last}/quiz"] .question-card`, { timeout: 20000 });
      assert.equal(await again.frame.getAttribute('.question-card', 'data-question-id'), question);
      await finishQuiz(again.frame, module);
      assert.equal(await cmi(again.page, 'cmi.core.lesson_status'), 'passed');
    },
  },
  {
    name: 'an LMS that refuses SetValue or Commit leaves the course usable, with a warning, and the next step sends again',
    async run(t) {
      const { page, frame } = await launch(t, { version: '12', seed: LEARNER_12 });
      await page.evaluate(() => {
        const api = window.lmsApi;
        const real = { set: api.LMSSetValue.bind(api), commit: api.LMSCommit.bind(api), error: api.LMSGetLastError.bind(api) };
        window.refuse = (what) => {
          api.LMSSetValue = what === 'set' ? () => 'false' : real.set;
          api.LMSCommit = what === 'commit' ? () => 'false' : real.commit;
          api.LMSGetLastError = what ? () => '101' : real.error;
        };
      });
      const module = await loadModule(t.root, 'roles');
      await go(frame, '#/module/roles/quiz');
      const before = await cmi(page, 'cmi.suspend_data');
      await page.evaluate(() => window.refuse('set'));
      await frame.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      await answerQuestion(frame, module);
      await frame.waitForSelector('[data-lms-warning]');
      assert.match(await frame.textContent('[data-lms-warning]'), /Lärplattformen tog inte emot.*101/s);
      assert.equal(await cmi(page, 'cmi.suspend_data'), before, 'nothing reached the LMS');
      await expectAxeClean(frame, 'LMS warning');
      await next(frame);
      await page.evaluate(() => window.refuse('commit'));
      await answerQuestion(frame, module);
      await frame.waitForSelector('[data-lms-warning]');
      // The LMS works again: the next answer goes through and the warning goes.
      await page.evaluate(() => window.refuse(null));
      await next(frame);
      await answerQuestion(frame, module);
      await frame.waitForFunction(() => !document.querySelector('[data-lms-warning]'));
      assert.notEqual(await cmi(page, 'cmi.suspend_data'), before, 'the progress reached the LMS');
      await next(frame);
      await finishQuiz(frame, module);
      assert.match(await frame.textContent('.result-box'), /Godkänt!/);
    },
  },
  {
    name: 'SCORM 2004 in a window the LMS opened: the course finds the API through its opener and reports to it',
    async run(t) {
      const org = await loadOrganisation(t.root);
      const { page, frame } = await launch(t, { version: '2004', seed: LEARNER_2004, popup: true });
      frame.on('pageerror', (err) => t.problems.push(`course window: ${err.message}`));
      assert.equal(await frame.evaluate(() => window.opener !== null && window.parent === window), true, 'a top-level window with an opener');
      await takeQuiz(t, frame, 'roles');
      assert.match(await cmi(page, 'cmi.suspend_data'), /^T1\|/);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'incomplete');
      assert.match(await cmi(page, 'cmi.location'), /^\/module\//, 'a bookmark to go on from');
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(`trygg:${org.course_id}:lms:anna-1:progress`), keys.join(', '));
      assert.equal(await frame.$('[data-lms-warning]'), null);
    },
  },
  {
    name: 'suspend data the course cannot read is left in the LMS as it is, and the learner is told',
    async run(t) {
      const foreign = 'T99|written by a newer version';
      const { page, frame } = await launch(t, { version: '12', seed: { ...LEARNER_12, suspend_data: foreign } });
      await go(frame, '#/training');
      await frame.waitForSelector('[data-lms-warning]');
      assert.match(await frame.textContent('[data-lms-warning]'), /gick inte att läsa.*newer version/s);
      await takeQuiz(t, frame, 'roles');
      assert.equal(await cmi(page, 'cmi.suspend_data'), foreign);
      assert.equal(await cmi(page, 'cmi.core.lesson_status'), 'incomplete', 'the report still goes');
    },
  },
  {
    name: 'without an LMS API the launched course is the website: the role question, the site\'s storage, no LMS warning',
    async run(t) {
      const org = await loadOrganisation(t.root);
      const { frame } = await launch(t, { version: null, launch: 'index.html' });
      await frame.waitForSelector('#role-employee');
      await frame.getByLabel('Medarbetare', { exact: true }).check();
      await press(frame, 'Börja utbildningen');
      await frame.waitForSelector('main[data-route="#/training"]', { timeout: 20000 });
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(`trygg:${org.course_id}:progress`), keys.join(', '));
      assert.ok(!keys.some((k) => k.includes(':lms:')));
      assert.equal(await frame.$('[data-lms-warning]'), null);
    },
  },
];
