// The course inside an LMS, against a real SCORM runtime (scorm-again, npm): a test LMS page
// installs the API object on the parent window and launches the course from its sub-path in
// an iframe, as an LMS does with the package's launch URL. Completion, pass, score, progress,
// one objective per module and one interaction per answered question reach the LMS (1.2 and
// 2004), with the session time and the exit mode when the learner leaves; a "Family, Given"
// name is turned round for the certificate; the learner's language follows them to another
// computer, and on a first launch comes from the LMS; a whole module takes few commits and
// closing right after an answer loses nothing; a learner closing mid-quiz resumes on another
// computer from suspend_data alone; a passed learner relaunches into my training; the longest
// path fits SCORM 1.2's 4,096 characters; every page says what goes to the LMS; a course
// window the LMS opened finds the API through its opener; an LMS that refuses calls leaves
// the course usable with a warning; and without an API the course is the website. The
// packages are served with `.wasm` as `application/octet-stream`, as Moodle does.
import { assert, expectAxeClean, trygg } from './harness.mjs';
import { loadModule, loadOrganisation, requiredModules, finishQuiz, answerQuestion, next, press, word } from './quiz-driver.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LMS_PATH, SUB_PATH, startServer } from './server.mjs';

/** The SCORM package of `format` as an organisation uploads it: built from dist/ with
 *  `trygg package`, unzipped, and served from the sub-path (with the test LMS page beside it)
 *  with `.wasm` as `application/octet-stream`, as Moodle serves it, so the browser falls back
 *  from streaming compilation. Its manifest must sit at the root of the zip. The server
 *  closes when the test's browser contexts do. */
async function packageServer(t, format) {
  const zip = path.join(t.artifacts, `trygg-${format}.zip`);
  const dir = path.join(t.artifacts, `unzipped-${format}`);
  trygg(t, ['package', '--format', format, '--out', zip, 'dist']);
  execFileSync('python3', ['-c', 'import sys, zipfile, shutil; shutil.rmtree(sys.argv[2], ignore_errors=True); zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  assert.ok(existsSync(path.join(dir, 'imsmanifest.xml')), 'imsmanifest.xml at the root of the zip');
  assert.ok(readdirSync(dir).includes('index.html'), 'the launch file beside it');
  const server = await startServer(dir, { types: { '.wasm': 'application/octet-stream' } });
  t.contexts.push({ pages: () => [], close: async () => { server.close(); } });
  return server;
}

/** Opens the test LMS in a fresh browser (empty storage unless `context` is given), installs
 *  the API (`version` '12' or '2004', `seed` as scorm-again's loadFromJSON takes it, or no API
 *  at all) and launches `launch` in an iframe, or (`popup`) in a new window it opens, as LMSs
 *  that launch in a new window do. The test page records what the LMS accepted, counts the
 *  course's commits and keeps what each commit would have stored. Returns the LMS page and
 *  the course's frame (or window). */
async function launch(t, { version = '12', seed = null, launch: href = 'index.html?lms=scorm&role=employee', context, server = t.server, popup = false } = {}) {
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
      const twelve = version === '12';
      const api = twelve ? new Scorm12API(settings) : new Scorm2004API(settings);
      if (seed) api.loadFromJSON(seed, '');
      // What the LMS accepted, for the write-only elements (exit, session time) the runtime
      // will not read back.
      window.lmsAccepted = {};
      const setName = twelve ? 'LMSSetValue' : 'SetValue';
      const set = api[setName].bind(api);
      api[setName] = (element, value) => {
        const result = set(element, value);
        if (String(result) === 'true') window.lmsAccepted[element] = value;
        return result;
      };
      // Each commit is a request to a real LMS: count them, and keep what the LMS would
      // have stored if the page died right after.
      window.lmsCommits = 0;
      const commitName = twelve ? 'LMSCommit' : 'Commit';
      const commit = api[commitName].bind(api);
      api[commitName] = (arg) => {
        const result = commit(arg);
        if (String(result) === 'true') {
          window.lmsCommits += 1;
          window.lmsCommitted = {
            suspend_data: api.cmi.suspend_data,
            location: twelve ? api.cmi.core.lesson_location : api.cmi.location,
            interactions: api.cmi.interactions.childArray.length,
          };
        }
        return result;
      };
      window[twelve ? 'API' : 'API_1484_11'] = api;
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
  return { page, frame, context: ctx, launched: Date.now() };
}

/** One `cmi` value as the LMS holds it (a dotted path under `cmi`). */
function cmi(page, element) {
  return page.evaluate((e) => e.split('.').slice(1).reduce((o, k) => o?.[k], window.lmsApi.cmi), element);
}

/** The whole `cmi` as the runtime serialises it, write-only elements included. */
function cmiJson(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.lmsApi.cmi)));
}

/** The last value the LMS accepted for a write-only element. */
function accepted(page, element) {
  return page.evaluate((e) => window.lmsAccepted[e], element);
}

const commits = (page) => page.evaluate(() => window.lmsCommits);
const committed = (page) => page.evaluate(() => window.lmsCommitted);

/** The learner leaves: the LMS unloads the course's frame, which ends its page. */
async function leave(page) {
  await page.evaluate(() => document.querySelector('iframe')?.remove());
}

async function go(frame, hash) {
  await frame.evaluate((h) => { window.location.hash = h; }, hash);
  await frame.waitForSelector(`main[data-route="${hash}"]`, { timeout: 20000 });
}

/** Takes the module's quiz from its start; right or all wrong. */
async function takeQuiz(t, frame, id, { right = true } = {}) {
  const module = await loadModule(t.root, id);
  await go(frame, `#/module/${id}/quiz`);
  const start = frame.getByRole('button', { name: /^(Starta kunskapsprovet|Gör om provet|Försök igen)$/ });
  await start.first().click();
  await frame.waitForSelector('.question-card');
  await finishQuiz(frame, module, { right });
  return module;
}

/** What the LMS should get for a question, from the module's structure file: its interaction
 *  type and right answer in `version`'s format, options, steps and choices named by their ids,
 *  a scenario by the route its wise choices take. */
function expectedFor(q, version) {
  const twelve = version === '12';
  const list = twelve ? ',' : '[,]';
  switch (q.type) {
    case 'true_false':
      return { type: 'true-false', pattern: twelve ? (q.answer ? 't' : 'f') : String(q.answer) };
    case 'single':
    case 'multiple':
      return { type: 'choice', pattern: q.options.filter((o) => o.correct).map((o) => o.id).join(list) };
    case 'ordering':
      return { type: 'sequencing', pattern: q.steps.map((s) => s.id).join(list) };
    case 'scenario': {
      const route = [];
      let at = 0;
      while (at >= 0 && at < q.steps.length && route.length < q.steps.length) {
        const step = q.steps[at];
        const wise = step.choices.find((c) => c.correct);
        route.push(`${step.id}${twelve ? '.' : '[.]'}${wise.id}`);
        at = wise.next ? q.steps.findIndex((s) => s.id === wise.next) : at + 1;
      }
      return { type: 'performance', pattern: (twelve ? '' : '{order_matters=true}') + route.join(list), response: route.join(list) };
    }
    default:
      throw new Error(`unknown question type ${q.type}`);
  }
}

/** Checks the LMS's interactions against the answered `modules` (each with whether it was
 *  answered right): one per question of each quiz, in order, with the right type, pattern,
 *  response, result and latency (`sent` has the values as the course wrote them, before the
 *  runtime reformats them). Returns the number checked. */
function checkInteractions(json, sent, version, answered) {
  const twelve = version === '12';
  const list = Object.values(json.interactions);
  let n = 0;
  for (const { module, right, size } of answered) {
    const mine = list.slice(n, n + size);
    assert.equal(mine.length, size, `${module.id}: one interaction per question`);
    for (const [k, i] of mine.entries()) {
      const latency = sent[`cmi.interactions.${n + k}.latency`];
      const [moduleId, questionId] = i.id.split('.');
      assert.equal(moduleId, module.id, i.id);
      const q = module.questions.find((x) => x.id === questionId);
      assert.ok(q, `${i.id} names a question of the module`);
      const want = expectedFor(q, version);
      assert.equal(i.type, want.type, i.id);
      assert.equal(i.correct_responses['0'].pattern, want.pattern, i.id);
      assert.equal(i.objectives['0'].id, module.id, i.id);
      const response = twelve ? i.student_response : i.learner_response;
      if (right) assert.equal(response, want.response ?? want.pattern, `${i.id}: the learner's answer`);
      else assert.notEqual(response, want.response ?? want.pattern, `${i.id}: a wrong answer`);
      assert.equal(i.result, right ? 'correct' : (twelve ? 'wrong' : 'incorrect'), i.id);
      if (twelve) {
        // When the answer was given, on the learner's clock (1.2 has no date or zone).
        assert.match(i.time, /^\d{2}:\d{2}:\d{2}$/, `${i.id}: ${i.time}`);
        assert.match(latency, /^\d{4}:\d{2}:\d{2}\.\d{2}$/, i.id);
        assert.ok(seconds(latency) < 120, `${i.id}: ${latency}`);
      } else {
        assert.match(latency, /^PT(\d+M)?\d+(\.\d{1,2})?S$/, i.id);
        assert.ok(seconds(latency) < 120, `${i.id}: ${latency}`);
        // The question in words, for the LMS's report: plain text, no markup.
        assert.ok(i.description?.length > 10 && !/\*\*|\]\(|\{lang=/.test(i.description), `${i.id}: ${i.description}`);
        const at = Date.parse(i.timestamp);
        assert.ok(Math.abs(at - Date.now()) < 15 * 60_000, `${i.id}: answered ${i.timestamp}`);
      }
    }
    n += size;
  }
  assert.equal(list.length, n, 'nothing else');
  return n;
}

/** A SCORM time span as seconds: 1.2's `HHHH:MM:SS.SS` or 2004's `PT#H#M#S`. */
function seconds(span) {
  const twelve = span.match(/^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/);
  if (twelve) return Number(twelve[1]) * 3600 + Number(twelve[2]) * 60 + Number(twelve[3]);
  const iso = span.match(/^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/);
  assert.ok(iso && span !== 'PT', `a well-formed span: ${span}`);
  return Number(iso[1] || 0) * 3600 + Number(iso[2] || 0) * 60 + Number(iso[3] || 0);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LEARNER_12 = { core: { student_id: 'anna-1', student_name: 'Ek, Åsa' } };
const LEARNER_2004 = { learner_id: 'anna-1', learner_name: 'Ćosić-Nguyễn, Олена Thị' };

export default [
  {
    name: 'SCORM 1.2: finishing the required modules reports passed with the score, the session time and the exit, and a relaunch lands on my training',
    async run(t) {
      const org = await loadOrganisation(t.root);
      const required = await requiredModules(t.root, 'employee');
      const server = await packageServer(t, 'scorm12');
      const { page, frame, launched } = await launch(t, { version: '12', seed: LEARNER_12, server });
      // The wasm arrives as Moodle sends it, and the course still starts.
      const wasmType = await frame.evaluate(() => fetch(new URL('trygg-app_bg.wasm', document.baseURI)).then((r) => r.headers.get('content-type')));
      assert.equal(wasmType, 'application/octet-stream');
      // The launch URL's role is taken: the start page asks no role question.
      assert.equal(await frame.$('#role-employee'), null);
      assert.equal(await frame.$('[data-lms-warning]'), null);
      for (const [i, id] of required.entries()) {
        await takeQuiz(t, frame, id);
        assert.match(await frame.textContent('.result-box'), /Godkänt!/, id);
        const status = await cmi(page, 'cmi.core.lesson_status');
        assert.equal(status, i + 1 < required.length ? 'incomplete' : 'passed', `after ${id}`);
        assert.match(await cmi(page, 'cmi.suspend_data'), /^T2\|/);
      }
      assert.equal(await cmi(page, 'cmi.core.score.raw'), '100');
      assert.equal(await cmi(page, 'cmi.core.score.max'), '100');
      assert.equal(await accepted(page, 'cmi.core.exit'), '');
      assert.equal(await cmi(page, 'cmi.core.lesson_location'), '/training');
      // Progress is kept locally too, under a key of the LMS learner's own.
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(`trygg:${org.course_id}:lms:anna-1:progress`), keys.join(', '));
      assert.ok(!keys.includes(`trygg:${org.course_id}:progress`), 'not the site\'s key');
      await go(frame, '#/certificate');
      await frame.waitForSelector('.details-form');
      assert.equal(await frame.inputValue('#full-name'), 'Åsa Ek', '"Family, Given" turned round');
      await frame.getByRole('button', { name: 'Spara och visa intyget' }).click();
      await frame.waitForSelector('.certificate-preview');
      assert.equal(await frame.textContent('.certificate-name'), 'Åsa Ek');
      await expectAxeClean(frame, 'certificate in the LMS');

      // The learner ends on the start page, which knows nothing of the course: the exit still
      // says the attempt is finished, and the session time covers the whole visit.
      await go(frame, '#/');
      const spent = (Date.now() - launched) / 1000;
      await leave(page);
      await page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      const time = await accepted(page, 'cmi.core.session_time');
      assert.match(time, /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
      assert.ok(seconds(time) > 5 && seconds(time) <= spent + 5, `${time} for about ${Math.round(spent)} s`);
      assert.equal(await accepted(page, 'cmi.core.exit'), '', 'not suspend once passed');

      // A relaunch on another computer lands on my training, with the certificate there.
      const kept = await committed(page);
      const seed = { core: { ...LEARNER_12.core, entry: 'resume', lesson_location: kept.location }, suspend_data: kept.suspend_data };
      const again = await launch(t, { version: '12', seed, server });
      await again.frame.waitForSelector('main[data-route="#/training"]', { timeout: 20000 });
    },
  },
  {
    name: 'SCORM 2004: a failed module reports completed and failed, its retake passed with a higher score, and the name and session time are right',
    async run(t) {
      const required = await requiredModules(t.root, 'elected');
      const { page, frame, launched } = await launch(t, { version: '2004', seed: LEARNER_2004, launch: 'index.html?role=elected', server: await packageServer(t, 'scorm2004') });
      const [first, ...rest] = required;
      await takeQuiz(t, frame, first, { right: false });
      assert.match(await frame.textContent('.result-box'), /Inte godkänt/);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'incomplete');
      assert.equal(await cmi(page, 'cmi.success_status'), 'unknown', 'not set until it is known');
      for (const id of rest) await takeQuiz(t, frame, id);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'completed');
      assert.equal(await cmi(page, 'cmi.success_status'), 'failed');
      assert.equal(await accepted(page, 'cmi.exit'), 'suspend');
      // The lowest module's percent: under the pass mark while the status says failed, so an
      // LMS's own "grade to pass" agrees.
      const failedScore = Number(await cmi(page, 'cmi.score.raw'));
      const { pass_mark: passMark } = await loadOrganisation(t.root);
      assert.ok(failedScore < passMark, `score ${failedScore} under the pass mark ${passMark}`);
      await takeQuiz(t, frame, first);
      assert.equal(await cmi(page, 'cmi.success_status'), 'passed');
      assert.equal(await cmi(page, 'cmi.completion_status'), 'completed');
      assert.equal(Number(await cmi(page, 'cmi.score.scaled')), 1);
      assert.equal(await cmi(page, 'cmi.score.raw'), '100');
      assert.equal(Number(await cmi(page, 'cmi.progress_measure')), 1);
      assert.equal(await accepted(page, 'cmi.exit'), 'normal');
      await go(frame, '#/certificate');
      await frame.waitForSelector('.details-form');
      assert.equal(await frame.inputValue('#full-name'), 'Олена Thị Ćosić-Nguyễn', 'Moodle\'s "Family, Given" in 2004 too');

      // Leaving from the about page (the shell) ends the finished attempt as 2004 expects.
      await go(frame, '#/about');
      const spent = (Date.now() - launched) / 1000;
      await leave(page);
      await page.waitForFunction(() => window.lmsAccepted['cmi.session_time']);
      const time = await accepted(page, 'cmi.session_time');
      assert.ok(seconds(time) > 5 && seconds(time) <= spent + 5, `${time} for about ${Math.round(spent)} s`);
      assert.equal(await accepted(page, 'cmi.exit'), 'normal');
    },
  },
  {
    name: 'SCORM 1.2 and 2004: one interaction per answered question, one objective per module, and progress as it grows',
    async run(t) {
      for (const version of ['12', '2004']) {
        const seed = version === '12' ? LEARNER_12 : LEARNER_2004;
        const required = await requiredModules(t.root, 'employee');
        const { page, frame } = await launch(t, { version, seed });
        const answered = [];
        for (const [n, [id, right]] of [[required[0], true], [required[1], false]].entries()) {
          const module = await takeQuiz(t, frame, id, { right });
          const size = Number((await frame.textContent('.results')).match(/(\d+) av (\d+)/)?.[2]);
          assert.ok(size > 0, 'the quiz length from the result page');
          answered.push({ module, right, size });
          const json = await cmiJson(page);
          checkInteractions(json, await page.evaluate(() => window.lmsAccepted), version, answered);
          // One objective per required module, in course order; those done say how they went.
          const objectives = Object.values(json.objectives);
          assert.deepEqual(objectives.map((o) => o.id), required, 'one objective per module');
          for (const [i, o] of objectives.entries()) {
            const done = answered[i];
            if (version === '12') {
              assert.equal(o.status, done ? (done.right ? 'passed' : 'failed') : 'not attempted', o.id);
            } else {
              assert.equal(o.completion_status, done ? 'completed' : 'not attempted', o.id);
              assert.equal(o.success_status, done ? (done.right ? 'passed' : 'failed') : 'unknown', o.id);
            }
            if (done?.right) assert.equal(o.score.raw, '100', o.id);
            if (done && !done.right) assert.ok(Number(o.score.raw) < 80, `${o.id}: ${o.score.raw}`);
          }
          if (version === '2004') {
            const measure = Number(await cmi(page, 'cmi.progress_measure'));
            // Each finished quiz counts, passed or failed: the measure follows the completion.
            assert.ok(Math.abs(measure - (n + 1) / required.length) < 0.001, `after module ${n + 1}: ${measure}`);
            assert.equal(await cmi(page, 'cmi.success_status'), 'unknown', 'not known yet');
          }
        }
        assert.equal(await frame.$('[data-lms-warning]'), null, 'the LMS took every value');
      }
    },
  },
  {
    name: 'SCORM 1.2: a whole module takes few commits, and closing right after an answer loses nothing',
    async run(t) {
      const { page, frame } = await launch(t, { version: '12', seed: LEARNER_12 });
      const id = (await requiredModules(t.root, 'employee'))[0];
      const module = await loadModule(t.root, id);
      await go(frame, `#/module/${id}/lesson/1`);
      const atStart = await commits(page);
      let pages = 1;
      for (;;) {
        const link = frame.locator('.pager a.button:not(.secondary)');
        const label = (await link.textContent()).trim();
        await link.click();
        if (label === word('sv', 'lesson.to_quiz')) break;
        pages += 1;
        await frame.waitForSelector(`main[data-route="#/module/${id}/lesson/${pages}"]`);
      }
      await frame.waitForSelector(`main[data-route="#/module/${id}/quiz"]`);
      const afterLessons = await commits(page);
      assert.ok(pages >= 3, `${pages} lesson pages`);
      assert.ok(afterLessons - atStart <= 1, `${afterLessons - atStart} commits for ${pages} lesson pages`);
      await frame.getByRole('button', { name: 'Starta kunskapsprovet' }).click();
      await frame.waitForSelector('.question-card');
      await finishQuiz(frame, module);
      const questions = (await cmiJson(page)).interactions;
      const size = Object.keys(questions).length;
      const total = (await commits(page)) - atStart;
      console.log(`     ${pages} lesson pages and ${size} questions: ${total} commits`);
      assert.ok(total <= size + 3, `${total} commits for ${pages} pages and ${size} questions`);

      // A retake: the first answer is committed at once, so closing right after it keeps it.
      const before = await commits(page);
      await frame.getByRole('button', { name: /^(Gör om provet|Försök igen)$/ }).first().click();
      await frame.waitForSelector('.question-card');
      const question = await answerQuestion(frame, module);
      await page.waitForFunction((n) => window.lmsCommits > n, before);
      const kept = await committed(page);
      assert.equal(kept.interactions, size + 1, 'the answer is in the LMS');
      await page.context().close();

      const seed = { core: { ...LEARNER_12.core, entry: 'resume', lesson_location: kept.location }, suspend_data: kept.suspend_data };
      const again = await launch(t, { version: '12', seed });
      // The bookmark points at the next module (this one is passed); the retake is there.
      assert.doesNotMatch(kept.location, new RegExp(`/module/${id}/`));
      await go(again.frame, `#/module/${id}/quiz`);
      await again.frame.waitForSelector('.question-card', { timeout: 20000 });
      assert.equal(await again.frame.getAttribute('.question-card', 'data-question-id'), question);
      await again.frame.waitForSelector('.feedback-region .feedback');
    },
  },
  {
    name: 'the language follows the learner: the LMS\'s preference on a first launch, the chosen one on another computer',
    async run(t) {
      const seed = { ...LEARNER_2004, learner_preference: { language: 'en-GB' } };
      const { page, frame } = await launch(t, { version: '2004', seed });
      assert.equal(await frame.getAttribute('html', 'lang'), 'en', 'the LMS\'s preference');
      await go(frame, '#/training');
      assert.equal(await frame.getAttribute('html', 'lang'), 'en');
      const before = await commits(page);
      await frame.getByRole('button', { name: 'Svenska', exact: true }).click();
      await page.waitForFunction((n) => window.lmsCommits > n, before);
      const kept = await committed(page);
      // The LMS's own preference follows the choice, for its report and the next launch.
      assert.equal(await cmi(page, 'cmi.learner_preference.language'), 'sv');
      await page.context().close();

      // Another computer, empty storage, the same preference in the LMS: the learner's choice wins.
      const again = await launch(t, { version: '2004', seed: { ...seed, entry: 'resume', location: kept.location, suspend_data: kept.suspend_data } });
      assert.equal(await again.frame.getAttribute('html', 'lang'), 'sv');
      await again.frame.waitForSelector('main[data-route="#/training"]', { timeout: 20000 });
      assert.equal((await again.frame.textContent('#page-title')).trim(), word('sv', 'page.training'));

      // 1.2 names the preference differently.
      const twelve = await launch(t, { version: '12', seed: { core: LEARNER_12.core, student_preference: { language: 'en' } } });
      assert.equal(await twelve.frame.getAttribute('html', 'lang'), 'en');
    },
  },
  {
    name: 'inside an LMS every page says what goes to the LMS, the manager view is not offered, and axe finds nothing',
    async run(t) {
      const { frame } = await launch(t, { version: '12', seed: LEARNER_12 });
      const id = (await requiredModules(t.root, 'employee'))[0];
      const pages = ['#/', '#/about', '#/training', `#/module/${id}/lesson/1`, `#/module/${id}/quiz`, '#/certificate', '#/data'];
      // What the website says of where progress goes, none of which is true inside an LMS.
      const website = ['footer.privacy', 'start.privacy', 'about.data.text', 'about.data.shared', 'data.where.local'].map((k) => word('sv', k));
      for (const hash of pages) {
        if (hash !== '#/') await go(frame, hash);
        const text = await frame.evaluate(() => document.body.innerText);
        for (const sentence of website) assert.ok(!text.includes(sentence), `${hash}: ${sentence}`);
        assert.doesNotMatch(text, /Ingenting (du gör )?skickas/, hash);
        assert.equal((await frame.textContent('footer [data-privacy]')).trim(), word('sv', 'footer.privacy.lms'), hash);
        assert.equal(await frame.$('a[href="#/manager"]'), null, `${hash}: no manager tab`);
      }
      await go(frame, '#/');
      assert.equal(await frame.$('#shared-computer'), null, 'no shared-computer choice');
      assert.equal((await frame.textContent('main [data-privacy]')).trim(), word('sv', 'start.privacy.lms'));
      assert.match(word('sv', 'start.privacy.lms'), /ditt svar på varje provfråga/, 'it says each answer goes');
      await expectAxeClean(frame, 'start page in the LMS');
      await go(frame, '#/data');
      assert.ok((await frame.textContent('main')).includes(word('sv', 'data.where.lms')));
      await go(frame, '#/about');
      assert.ok((await frame.textContent('main')).includes(word('sv', 'about.data.text.lms')));
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
      // The page goes away: what waits (the move to the next question) is written and committed.
      await leave(first.page);
      await first.page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      const suspend = await cmi(first.page, 'cmi.suspend_data');
      assert.equal((await committed(first.page)).suspend_data, suspend, 'committed on leaving');
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
        const real = { set: api.LMSSetValue, commit: api.LMSCommit, error: api.LMSGetLastError.bind(api) };
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
      // The LMS works again: the next step goes through and the warning goes.
      await page.evaluate(() => window.refuse(null));
      await next(frame);
      await answerQuestion(frame, module);
      await frame.waitForFunction(() => !document.querySelector('[data-lms-warning]'));
      assert.notEqual(await cmi(page, 'cmi.suspend_data'), before, 'the progress reached the LMS');
      const json = await cmiJson(page);
      assert.equal(Object.keys(json.interactions).length, 3, 'every answer, the refused ones too');
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
      assert.match(await cmi(page, 'cmi.suspend_data'), /^T2\|/);
      assert.equal(await cmi(page, 'cmi.completion_status'), 'incomplete');
      assert.match(await cmi(page, 'cmi.location'), /^\/module\//, 'a bookmark to go on from');
      const keys = await frame.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes(`trygg:${org.course_id}:lms:anna-1:progress`), keys.join(', '));
      assert.equal(await frame.$('[data-lms-warning]'), null);
      // Closing the course's window ends the session.
      await frame.close({ runBeforeUnload: true });
      await page.waitForFunction(() => window.lmsAccepted['cmi.session_time']);
      assert.equal(await accepted(page, 'cmi.exit'), 'suspend');
    },
  },
  {
    name: 'suspend data the course cannot read is left in the LMS as it is, and the learner is told',
    async run(t) {
      const foreign = 'T99|written by a newer version';
      const { page, frame } = await launch(t, { version: '12', seed: { ...LEARNER_12, suspend_data: foreign } });
      await go(frame, '#/training');
      await frame.waitForSelector('[data-lms-warning]');
      // Said in the learner's language, reason too (it was the core's English before).
      const told = word('sv', 'lms.unread').replace('{reason}', word('sv', 'storage.reason.newer'));
      assert.ok((await frame.textContent('[data-lms-warning]')).includes(told), `the warning says: ${told}`);
      await takeQuiz(t, frame, 'roles');
      assert.equal(await cmi(page, 'cmi.suspend_data'), foreign);
      assert.equal(await cmi(page, 'cmi.core.lesson_status'), 'incomplete', 'the report still goes');
      await leave(page);
      await page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      assert.equal(await cmi(page, 'cmi.suspend_data'), foreign, 'not even on leaving');
    },
  },
  {
    name: 'SCORM 1.2: opening and leaving at once reports incomplete, and a new attempt starts afresh with the earlier one set aside',
    async run(t) {
      const org = await loadOrganisation(t.root);
      // Open and leave without starting: an LMS that found `not attempted` would record completed.
      const first = await launch(t, { version: '12', seed: { core: { student_id: 'bo-2', student_name: 'Ek, Bo', entry: 'ab-initio' } } });
      await leave(first.page);
      await first.page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      assert.equal(await cmi(first.page, 'cmi.core.lesson_status'), 'incomplete');

      // An attempt passes a module on this computer…
      const attempt = await launch(t, { version: '12', seed: { core: { ...LEARNER_12.core, entry: 'ab-initio' } }, context: first.context });
      const [id] = await requiredModules(t.root, 'employee');
      // A first attempt with nothing saved before sets nothing aside, and says nothing of it.
      await go(attempt.frame, '#/training');
      assert.equal(await attempt.frame.$('[data-lms-warning]'), null);
      await takeQuiz(t, attempt.frame, id);
      assert.match(await attempt.frame.textContent('.result-box'), /Godkänt!/);
      await leave(attempt.page);
      await attempt.page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      const key = `trygg:${org.course_id}:lms:anna-1:progress`;

      // …then the LMS begins a new attempt (a retake it asks for, a recertification): nothing
      // saved there, so the course starts afresh rather than reporting the old pass.
      const fresh = await launch(t, { version: '12', seed: { core: { ...LEARNER_12.core, entry: 'ab-initio' } }, context: first.context });
      await go(fresh.frame, '#/training');
      const card = fresh.frame.locator('.module-card').first();
      assert.match(await card.textContent(), new RegExp(word('sv', 'status.not_started')), 'the new attempt has no pass');
      assert.equal(await cmi(fresh.page, 'cmi.core.lesson_status'), 'incomplete');
      assert.equal(await cmi(fresh.page, 'cmi.core.score.raw'), '', 'no score carried over');
      // The learner is told, on the course's pages too (the shell set it aside, the course
      // module says it).
      assert.ok((await fresh.frame.textContent('[data-lms-warning]')).includes(word('sv', 'lms.new_attempt')), 'the new attempt is explained');
      // The earlier attempt's progress is kept aside, never overwritten, and offered on my data.
      const keys = await fresh.frame.evaluate(() => Object.keys(localStorage));
      assert.equal(keys.filter((k) => k.startsWith(`${key}:backup:`)).length, 1, keys.join(', '));
      await go(fresh.frame, '#/data');
      await fresh.frame.getByRole('heading', { name: word('sv', 'data.backup.title') }).waitFor();
      const [download] = await Promise.all([fresh.frame.page().waitForEvent('download'),
        fresh.frame.getByRole('button', { name: word('sv', 'data.backup.button') }).click()]);
      const aside = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
      assert.ok(aside.modules[id]?.last_pass, 'the earlier pass is in the data set aside');
      // A relaunch of this same attempt (resume) keeps going, with nothing set aside again.
      await leave(fresh.page);
      await fresh.page.waitForFunction(() => window.lmsAccepted['cmi.core.session_time']);
      const kept = await committed(fresh.page);
      const resumed = await launch(t, { version: '12', seed: { core: { ...LEARNER_12.core, entry: 'resume' }, suspend_data: kept.suspend_data }, context: first.context });
      await go(resumed.frame, '#/training');
      assert.equal(await resumed.frame.$('[data-lms-warning]'), null, 'a resumed attempt has nothing to explain');
      const after = await resumed.frame.evaluate(() => Object.keys(localStorage));
      assert.equal(after.filter((k) => k.startsWith(`${key}:backup:`)).length, 1, after.join(', '));
    },
  },
  {
    name: 'an attempt the LMS opens for review or without credit says that nothing of it is recorded',
    async run(t) {
      for (const [version, seed] of [
        ['12', { core: { ...LEARNER_12.core, lesson_mode: 'review', credit: 'no-credit' } }],
        ['2004', { ...LEARNER_2004, mode: 'review', credit: 'no-credit' }],
      ]) {
        const { frame } = await launch(t, { version, seed });
        const warning = await frame.waitForSelector('[data-lms-warning]');
        assert.match(await warning.textContent(), new RegExp(escapeRegExp(word('sv', 'lms.uncredited'))), version);
        await expectAxeClean(frame, `review notice (${version})`);
      }
      // A normal, credited session says nothing of the kind.
      const normal = await launch(t, { version: '12', seed: { core: { ...LEARNER_12.core, lesson_mode: 'normal', credit: 'credit' } } });
      assert.equal(await normal.frame.$('[data-lms-warning]'), null);
    },
  },
  {
    name: 'launched from a package but with no LMS API to reach, the course says its results reach no LMS',
    async run(t) {
      const { frame } = await launch(t, { version: null, launch: 'index.html?lms=scorm&role=employee' });
      const warning = await frame.waitForSelector('[data-lms-warning]');
      assert.match(await warning.textContent(), new RegExp(escapeRegExp(word('sv', 'lms.unreachable'))));
      await go(frame, '#/training');
      assert.match(await frame.textContent('[data-lms-warning]'), new RegExp(escapeRegExp(word('sv', 'lms.unreachable'))), 'on the course pages too');
      await expectAxeClean(frame, 'no LMS to reach');
    },
  },
  {
    name: 'without an LMS API the launched course is the website: the role question, the site\'s storage and wording, no LMS warning',
    async run(t) {
      const org = await loadOrganisation(t.root);
      const { frame } = await launch(t, { version: null, launch: 'index.html' });
      await frame.waitForSelector('#role-employee');
      assert.ok(await frame.$('#shared-computer'), 'the shared-computer choice');
      assert.equal((await frame.textContent('footer [data-privacy]')).trim(), word('sv', 'footer.privacy'));
      assert.ok(await frame.$('a[href="#/manager"]'), 'the manager tab');
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
