// Drives a quiz the way a learner does, knowing the right answers from the content files.
// With { keyboard: true } every action is a key press (Tab, arrows, Space, Enter).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A UI word of a shipped language, as the page shows it (from dist's ui.json, or from the
 *  ui.json of the release copy at `dist`, for a language added to a copy). */
export function word(lang, key, dist = path.join(ROOT, 'dist')) {
  const file = path.join(dist, 'content/languages', lang, 'ui.json');
  const value = JSON.parse(readFileSync(file, 'utf8'))[key];
  if (value === undefined) throw new Error(`${lang}: no word ${key}`);
  return typeof value === 'object' ? value.other : value;
}

/** The organisation file as published, for tests that follow the course's own lists. */
export async function loadOrganisation(root) {
  return JSON.parse(await readFile(path.join(root, 'dist/content/organisation.json'), 'utf8'));
}

/** The module ids a role must pass, in course order. */
export async function requiredModules(root, role = 'employee') {
  const org = await loadOrganisation(root);
  return org.modules.filter((id) => org.roles[role].required.includes(id));
}

/** A module's structure: ids, types, roles and right answers (no texts). */
export async function loadModule(root, id) {
  return JSON.parse(await readFile(path.join(root, 'dist/content/modules', `${id}.json`), 'utf8'));
}

/** A module's texts in `lang`, keyed by the structure's ids (content/languages/<lang>/modules). */
export async function loadModuleTexts(root, lang, id) {
  return JSON.parse(await readFile(path.join(root, 'dist/content/languages', lang, 'modules', `${id}.json`), 'utf8'));
}

/** A language's course texts: the organisation's names and each module's title and summary. */
export async function loadCourseTexts(root, lang) {
  return JSON.parse(await readFile(path.join(root, 'dist/content/languages', lang, 'course.json'), 'utf8'));
}

/** The course's languages as organisation.json lists them, its own first. */
export async function shippedLanguages(root) {
  return (await loadOrganisation(root)).languages;
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id || '');

async function tabToId(page, id, max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached #${id} by Tab`);
}

async function tabToText(page, text, max = 60) {
  for (let i = 0; i < max; i++) {
    const t = await page.evaluate(() => document.activeElement?.textContent?.trim() || '');
    if (t === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached "${text}" by Tab`);
}

/** Presses a button by its visible text, by keyboard or by click. */
export async function press(page, text, { keyboard } = {}) {
  if (keyboard) {
    await tabToText(page, text);
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: text, exact: true }).click();
  }
}

async function selectRadio(page, id, keyboard) {
  if (!keyboard) return page.check(`#${id}`);
  const group = await page.getAttribute(`#${id}`, 'name');
  // Tab into the group, then move with the arrow keys until the wanted radio is checked.
  for (let i = 0; i < 60; i++) {
    const name = await page.evaluate(() => document.activeElement?.getAttribute('name') || '');
    if (name === group) break;
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 12; i++) {
    if (await page.isChecked(`#${id}`)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select #${id} with the arrow keys`);
}

async function toggleCheckbox(page, id, keyboard) {
  if (!keyboard) return page.check(`#${id}`);
  await tabToId(page, id);
  await page.keyboard.press('Space');
}

/** Answers the question on screen; right or deliberately wrong. Returns its id. */
export async function answerQuestion(page, module, { keyboard = false, right = true, lang = 'sv', dist } = {}) {
  const qid = await page.getAttribute('.question-card', 'data-question-id');
  const q = module.questions.find((x) => x.id === qid);
  if (!q) throw new Error(`question ${qid} not in module ${module.id}`);
  const check = word(lang, 'quiz.check', dist);
  if (q.type === 'single') {
    const i = q.options.findIndex((o) => !!o.correct === right);
    await selectRadio(page, `option-${i}`, keyboard);
    await press(page, check, { keyboard });
  } else if (q.type === 'multiple') {
    const picks = right ? q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0)
      : [q.options.findIndex((o) => !o.correct)];
    for (const i of picks) await toggleCheckbox(page, `option-${i}`, keyboard);
    await press(page, check, { keyboard });
  } else if (q.type === 'true_false') {
    await selectRadio(page, `option-${(q.answer === right) ? 1 : 0}`, keyboard);
    await press(page, check, { keyboard });
  } else if (q.type === 'ordering') {
    if (right) await sortSteps(page, q.steps.length, keyboard);
    await press(page, check, { keyboard });
  } else if (q.type === 'scenario') {
    const choose = word(lang, 'quiz.scenario.choose', dist);
    for (let guard = 0; guard < 10; guard++) {
      const form = await page.$('.scenario-current');
      if (!form) break;
      // Before the first pick there is no list of steps taken for a screen reader to call empty.
      if (await page.locator('.scenario-step.done').count() === 0 && await page.locator('.scenario-steps').count() > 0) {
        throw new Error(`scenario ${qid}: an empty list of steps taken is shown`);
      }
      const name = await page.getAttribute('.scenario-current input[type=radio]', 'name');
      const stepId = name.replace(/^step-/, '');
      const step = q.steps.find((s) => s.id === stepId);
      const i = step.choices.findIndex((c) => !!c.correct === right);
      await selectRadio(page, `choice-${stepId}-${i}`, keyboard);
      await press(page, choose, { keyboard });
      await page.waitForFunction((n) => document.querySelectorAll('.scenario-step.done').length >= n, guard + 1);
    }
  }
  await page.waitForSelector('.feedback-region .feedback');
  if (q.type === 'ordering') {
    // The last move's announcement is not left in the reading order after the check.
    const left = await page.$$eval('.answer-form [aria-live]', (regions) => regions.map((r) => r.textContent).join(''));
    if (left) throw new Error(`ordering ${qid}: "${left}" is still in the live region after the check`);
  }
  if (q.type === 'scenario') {
    // The verdict counts the wise choices: all of them, or none when every choice was poor.
    const visited = await page.locator('.scenario-step.done').count();
    const verdict = (await page.textContent('.feedback-region .feedback .feedback-verdict')).trim();
    const expected = right ? word(lang, 'quiz.right', dist)
      : word(lang, 'quiz.scenario.result', dist).replace('{good}', '0').replace('{total}', String(visited));
    if (verdict !== expected) throw new Error(`scenario ${qid}: the verdict is "${verdict}", not "${expected}"`);
  }
  // The app moves focus to the feedback once it is shown; wait for it, as a learner would.
  await page.waitForFunction(() => document.activeElement?.id === 'feedback', null, { timeout: 5000 });
  return qid;
}

/** Moves the steps into content order (0, 1, 2, ...) with the up buttons. */
async function sortSteps(page, count, keyboard) {
  for (let target = 0; target < count; target++) {
    for (let guard = 0; guard < count; guard++) {
      const order = await stepOrder(page);
      const pos = order.indexOf(target);
      if (pos === target) break;
      if (keyboard) {
        await tabToId(page, `up-${target}`);
        await page.keyboard.press('Enter');
      } else {
        await page.click(`#up-${target}`);
      }
      // One move per press: wait for it to render before looking again.
      await page.waitForFunction(([t, p]) => {
        const now = [...document.querySelectorAll('.order-item')].map((e) => Number(e.querySelector('.icon-button')?.id.split('-')[1]));
        return now.indexOf(t) === p - 1;
      }, [target, pos], { timeout: 10000 }).catch(async (e) => {
        const active = await page.evaluate(() => document.activeElement?.id);
        throw new Error(`moving step ${target} up from ${pos} in [${order}]: now [${await stepOrder(page)}], focus on ${active}: ${e.message}`);
      });
      // Focus follows the moved step (to its other button at the top); the app moves it just
      // after the render, so wait for it before the next key press.
      await page.waitForFunction((t) => [`up-${t}`, `down-${t}`].includes(document.activeElement?.id), target, { timeout: 5000 });
    }
  }
}

/** The steps' content indexes in their current on-screen order. */
function stepOrder(page) {
  return page.$$eval('.order-item', (els) => els.map((e) => Number(e.querySelector('.icon-button')?.id.split('-')[1])));
}

/** Goes to the next question or the result. */
export async function next(page, { keyboard = false, lang = 'sv', dist } = {}) {
  const labels = [word(lang, 'quiz.next', dist), word(lang, 'quiz.see_result', dist)];
  const text = (await page.textContent('.question-card .button-row .button')).trim();
  if (!labels.includes(text)) throw new Error(`unexpected button ${text}`);
  await press(page, text, { keyboard });
}

/** Answers every remaining question and returns at the result. */
export async function finishQuiz(page, module, opts = {}) {
  for (let i = 0; i < 30; i++) {
    if (await page.$('.results')) return;
    await page.waitForSelector('.question-card, .results');
    if (await page.$('.results')) return;
    const qid = await answerQuestion(page, module, opts);
    await next(page, opts);
    await page.waitForFunction(() => document.activeElement?.id === 'question-title' || document.querySelector('.results'), null, { timeout: 5000 })
      .catch(async (e) => {
        const active = await page.evaluate(() => document.activeElement?.outerHTML?.slice(0, 200));
        throw new Error(`after ${qid} (${module.questions.find((q) => q.id === qid)?.type}) focus is on ${active}: ${e.message}`);
      });
  }
  throw new Error('quiz did not finish');
}
