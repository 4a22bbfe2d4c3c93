// Every lesson section of every module renders, for every role that sees it, in every shipped
// language, with axe-core clean: content edits cannot slip an inaccessible page past CI. A text
// a language does not have yet shows in its fallback language, marked with that language's tag.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openPage, expectAxeClean, heading, assert } from './harness.mjs';
import { loadModuleTexts, shippedLanguages } from './quiz-driver.mjs';

const ROLES = { employee: 'Medarbetare', manager: 'Chef', elected: 'Förtroendevald' };

export default [
  {
    name: 'every lesson section renders in every shipped language for every role, axe-clean',
    async run(t) {
      const dist = path.join(t.root, 'dist/content');
      const org = JSON.parse(await readFile(path.join(dist, 'organisation.json'), 'utf8'));
      const languages = await shippedLanguages(t.root);
      const page = await openPage(t, '#/');
      let checked = 0;
      for (const [role, label] of Object.entries(ROLES)) {
        await page.goto(page.url().replace(/#.*$/, '#/'));
        await page.waitForSelector('.start-form');
        await page.click(`.lang-switch button[lang="${languages[0].tag}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, languages[0].tag);
        await page.getByLabel(label, { exact: true }).check();
        await page.locator('.start-form button[type=submit]').click();
        await page.waitForSelector('main[data-route="#/training"]');
        for (const id of org.modules) {
          const module = JSON.parse(await readFile(path.join(dist, 'modules', `${id}.json`), 'utf8'));
          const sections = module.sections.filter((s) => !s.roles || s.roles.includes(role));
          for (const { tag: lang, fallback } of languages) {
            const own = (await loadModuleTexts(t.root, lang, id)).sections;
            const backTag = fallback || languages[0].tag;
            const back = (await loadModuleTexts(t.root, backTag, id)).sections;
            // A text in the language, or else its fallback's, with the tag it is shown in.
            const text = (sectionId, key) => {
              const mine = own[sectionId]?.[key];
              return mine ? { value: mine, lang: null } : { value: back[sectionId]?.[key], lang: backTag };
            };
            await page.click(`.lang-switch button[lang="${lang}"]`);
            await page.waitForFunction((l) => document.documentElement.lang === l, lang);
            for (const [i, section] of sections.entries()) {
              const { value: title, lang: titleLang } = text(section.id, 'title');
              await page.goto(page.url().replace(/#.*$/, `#/module/${id}/lesson/${i + 1}`));
              await page.waitForFunction((title) => document.querySelector('#page-title')?.textContent === title, title);
              assert.equal(await heading(page), title);
              assert.equal(await page.getAttribute('#page-title', 'lang'), titleLang, `${id}/${section.id} (${lang}): the title's lang`);
              const body = await page.textContent('.lesson');
              const paragraph = section.blocks.find((b) => b.type === 'paragraph');
              const firstText = paragraph && text(section.id, paragraph.id).value;
              if (firstText) {
                const plain = firstText.replace(/\*\*/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
                  .replace(/\[([^\]]+)\]\{lang=[^}]+\}/g, '$1');
                assert.ok(body.includes(plain.slice(0, 40)), `${id}/${section.id} (${lang}) shows its text`);
              }
              await expectAxeClean(page, `${role} ${id}/${section.id} (${lang})`);
              checked++;
            }
          }
        }
      }
      console.log(`     ${checked} lesson pages checked`);
      assert.ok(checked > 100);
    },
  },
];
