// The certificate: listed gaps before completion; after finishing the employee role, the
// PDF, the completion file, the calendar reminder and the pocket card, with names from
// many alphabets and hostile-looking input kept as plain text everywhere.
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { openPage, expectAxeClean, assert, runTrygg } from './harness.mjs';
import { loadModule, finishQuiz, press, requiredModules, shippedLanguages, word } from './quiz-driver.mjs';

function pdftotext(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
}

async function save(page, buttonName, artifacts, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const file = path.join(artifacts, name || download.suggestedFilename());
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

async function fillDetails(page, { name, number = '', unit = '', email = '' }) {
  await page.fill('#full-name', name);
  await page.fill('#employee-number', number);
  await page.fill('#unit', unit);
  await page.fill('#email', email);
  await page.getByRole('button', { name: 'Spara och visa intyget' }).click();
}

export default [
  {
    name: 'before completion the certificate page lists exactly what is missing',
    async run(t) {
      const page = await openPage(t, '#/');
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      await page.goto(page.url().replace(/#.*$/, '#/certificate'));
      await page.waitForSelector('.missing-list');
      assert.equal(await page.$$eval('.missing-list li', (els) => els.length), (await requiredModules(t.root)).length);
      assert.match(await page.textContent('.missing-list'), /Rapportera – Inte påbörjad/);
      await expectAxeClean(page, 'certificate page, incomplete');
    },
  },
  {
    name: 'finishing the employee role by keyboard gives a PDF, a verifiable completion file, a reminder and a pocket card',
    async run(t) {
      const page = await openPage(t, '#/');
      await page.getByLabel('Medarbetare', { exact: true }).check();
      await page.getByRole('button', { name: 'Börja utbildningen' }).click();
      const records = [];
      page.on('request', (request) => {
        if (!request.serviceWorker() && request.url().includes('trygg_records')) records.push(request.url());
      });
      const required = await requiredModules(t.root);
      for (const id of required) {
        const module = await loadModule(t.root, id);
        await page.goto(page.url().replace(/#.*$/, `#/module/${id}/quiz`));
        await page.waitForSelector(`main[data-route="#/module/${id}/quiz"]`);
        // Every module of the employee role, answered by keyboard alone.
        await press(page, 'Starta kunskapsprovet', { keyboard: true });
        await finishQuiz(page, module, { keyboard: true });
        assert.match(await page.textContent('.result-box'), /Godkänt!/, `module ${id}`);
      }
      // The certificate is a module of its own (records): not fetched by the lessons and
      // quizzes, and fetched while my training says the certificate is ready.
      assert.deepEqual(records, [], 'the lessons and quizzes do without the records module');
      await page.goto(page.url().replace(/#.*$/, '#/training'));
      await page.waitForSelector('main[data-route="#/training"]');
      assert.match(await page.textContent('main'), new RegExp(word('sv', 'training.all_done')));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('trygg_records_bg.wasm')));
      assert.ok(records.some((url) => url.includes('trygg_records_bg.wasm')), 'my training fetched the records module ahead');
      await page.getByRole('link', { name: word('sv', 'training.get_certificate') }).click();
      await page.waitForSelector('.details-form');
      // Empty name: a clear error on the field, and no certificate.
      await page.getByRole('button', { name: 'Spara och visa intyget' }).click();
      await page.waitForSelector('#full-name-error');
      assert.equal(await page.getAttribute('#full-name', 'aria-invalid'), 'true');
      assert.equal(await page.$('.certificate-preview'), null);
      assert.match(await page.textContent('.certificate-page'), /Fyll i dina uppgifter så skapas ditt intyg/);

      const hostile = '<img src=x onerror=alert(1)>';
      const formula = '=HYPERLINK("http://x")';
      await fillDetails(page, { name: '  Łukasz Şahin-Nguyễn ', number: hostile, unit: formula, email: 'lukasz@example.se' });
      await page.waitForSelector('.certificate-preview');
      assert.equal(await page.textContent('.certificate-name'), 'Łukasz Şahin-Nguyễn', 'trimmed, exact');
      assert.match(await page.textContent('.certificate-preview'), /<img src=x onerror=alert\(1\)>/);
      assert.equal(await page.$('.certificate-preview img'), null, 'no markup from input');
      // Made, the lead says so instead of asking for the details again.
      assert.match(await page.textContent('.certificate-page'), /ditt intyg finns här nedanför/);
      assert.doesNotMatch(await page.textContent('.certificate-page'), /Fyll i dina uppgifter så skapas/);
      await expectAxeClean(page, 'certificate page, complete');

      // The completion file: schema-valid, accepted by trygg verify, rejected once edited.
      const json = await save(page, 'Ladda ner fil till chefen (JSON)', t.artifacts);
      const record = JSON.parse(await readFile(json.file, 'utf8'));
      assert.equal(record.learner.full_name, 'Łukasz Şahin-Nguyễn');
      assert.equal(record.learner.employee_number, hostile);
      assert.equal(record.learner.unit, formula);
      assert.equal(record.modules.length, required.length);
      const schema = JSON.parse(await readFile(path.join(t.root, 'schemas/completion.schema.json'), 'utf8'));
      const ajv = new Ajv2020({ strict: false });
      ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
      const validate = ajv.compile(schema);
      assert.ok(validate(record), JSON.stringify(validate.errors));
      const verified = runTrygg(t, ['verify', json.file]);
      assert.equal(verified.code, 0, verified.out + verified.err);
      assert.match(verified.out, /^OK .*Łukasz Şahin-Nguyễn/);
      assert.ok(verified.out.includes(`code ${record.verification_code}`), verified.out);
      const edited = path.join(t.artifacts, 'edited.json');
      await writeFile(edited, JSON.stringify({ ...record, learner: { ...record.learner, full_name: 'Someone Else' } }, null, 2));
      const refused = runTrygg(t, ['verify', edited]);
      assert.equal(refused.code, 1, refused.out + refused.err);
      assert.match(refused.out, /^FLAGGED .*changed after it was issued/);

      // The PDF: the exact text back from pdftotext, the record attached, a page image.
      const pdf = await save(page, 'Ladda ner intyget (PDF)', t.artifacts, 'certificate-lukasz.pdf');
      const text = pdftotext(pdf.file);
      for (const expected of ['Łukasz Şahin-Nguyễn', hostile, formula, record.certificate_id, record.verification_code, 'Exempelregionen']) {
        assert.ok(text.includes(expected), `PDF text has ${expected}`);
      }
      const fromPdf = runTrygg(t, ['verify', pdf.file]);
      assert.equal(fromPdf.code, 0, `the PDF carries a verifiable record: ${fromPdf.out}${fromPdf.err}`);
      assert.ok(fromPdf.out.includes(`code ${record.verification_code}`), fromPdf.out);
      execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf.file, path.join(t.artifacts, 'certificate-page')]);

      // Unsaved edits are pointed out: the files keep the saved details until saved.
      await page.fill('#full-name', 'Someone Typing');
      assert.match(await page.textContent('.callout.warning'), /inte sparat.*Łukasz Şahin-Nguyễn/s);
      // A Cyrillic name prints exactly too.
      await fillDetails(page, { name: 'Олена Ćosić' });
      await page.waitForFunction(() => document.querySelector('.certificate-name')?.textContent === 'Олена Ćosić');
      assert.equal(await page.locator('.callout.warning').count(), 0, 'saved: nothing pending');
      const pdf2 = await save(page, 'Ladda ner intyget (PDF)', t.artifacts, 'certificate-olena.pdf');
      assert.ok(pdftotext(pdf2.file).includes('Олена Ćosić'));

      // The renewal reminder opens as a calendar event.
      const ics = await readFile((await save(page, 'Påminnelse i kalendern (.ics)', t.artifacts)).file, 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /BEGIN:VEVENT\r\n/);
      assert.match(ics, /DTSTART;VALUE=DATE:\d{8}\r\n/);
      assert.match(ics, /END:VCALENDAR\r\n$/);

      // The pocket card: the organisation's numbers and the steps, in Swedish.
      const card = pdftotext((await save(page, 'Ladda ner fickkortet (PDF)', t.artifacts, 'pocket-card.pdf')).file);
      assert.ok(card.includes('112'));
      assert.ok(card.includes('010-000 00 99'));
      assert.ok(!card.includes('…'), 'no step on the pocket card is cut short');

      // By keyboard, focus stays on the button while and after the PDF is made.
      await page.focus('button:has-text("Ladda ner intyget (PDF)")');
      await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      await page.waitForFunction(() => document.activeElement?.textContent === 'Ladda ner intyget (PDF)'
        && document.activeElement.getAttribute('aria-disabled') === null, null, { timeout: 5000 });

      // In every other shipped language the certificate and its PDF read differently but are
      // the same certificate.
      const idSv = await page.textContent('.certificate-preview dd code');
      // On a 320 px phone the certificate, its table of modules and its dates (long in
      // Finnish) fit without sideways scrolling (WCAG 1.4.10).
      const fitsAPhone = async (tag) => {
        const wide = page.viewportSize();
        await page.setViewportSize({ width: 320, height: 640 });
        const [overflow, out] = await page.evaluate(() => [
          document.documentElement.scrollWidth - window.innerWidth,
          [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().width)} px`).slice(0, 6),
        ]);
        await page.setViewportSize(wide);
        assert.ok(overflow <= 0, `${tag}: the certificate fits 320 px, not ${overflow} px wider: ${out.join('; ')}`);
      };
      await fitsAPhone('sv');
      for (const { tag } of (await shippedLanguages(t.root)).slice(1)) {
        await page.click(`.lang-switch button[lang="${tag}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, tag);
        await page.waitForFunction((x) => document.querySelector('.certificate-preview')?.textContent.includes(x), word(tag, 'certificate.title'));
        assert.equal(await page.textContent('.certificate-preview dd code'), idSv, `one id in every language (${tag})`);
        await fitsAPhone(tag);
        const translated = await save(page, word(tag, 'certificate.download_pdf'), t.artifacts, `certificate-${tag}.pdf`);
        const translatedText = pdftotext(translated.file).replace(/\s+/g, ' ');
        for (const expected of [word(tag, 'pdf.certifies'), 'Олена Ćosić', idSv.trim()]) {
          assert.ok(translatedText.includes(expected), `the ${tag} PDF has ${expected}`);
        }
        assert.equal(runTrygg(t, ['verify', translated.file]).code, 0, `the ${tag} PDF carries a verifiable record`);
      }
    },
  },
];
