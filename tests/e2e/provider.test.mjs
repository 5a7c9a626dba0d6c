// A company's own work in the browser: a ready-made kit written from the dashboard with the
// keyboard, its worksheet and picture uploaded, kept as a draft across a reload, published,
// seen as a teacher sees it (with the worksheet to download), copied and archived.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectNoAxeViolations, focusedText, launch, newPage, screenshot, settled, signIn, tabTo } from './lib.mjs';

const TITLE = `Vannkraft i en eske (E2E ${Date.now()})`;
// A one-page PDF, as a provider's worksheet would start; the server finds its type by content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
// A real 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('a provider writes a ready-made kit and publishes it', () => {
  let editorUrl;

  test('the kit is written with the keyboard only and saved as a draft', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(`${BASE}/min-side/tilbyder`);
    await settled(page);
    const started = Date.now();
    await tabTo(page, 'the new offer disclosure', focusedText('/Lag et nytt tilbud/'), 200);
    await page.keyboard.press('Enter');
    await tabTo(page, 'the title', focusedText('/Tittel/'));
    await page.keyboard.type(TITLE);
    await tabTo(page, 'the description', focusedText('/Beskrivelse/'));
    await page.keyboard.type('Et ferdig opplegg om vannkraft: klassen bygger en liten turbin og måler strømmen.');
    await tabTo(page, 'the format', () => document.activeElement?.tagName === 'SELECT');
    await page.keyboard.type('Ferdig');
    await tabTo(page, 'the subject Fysikk', focusedText('/Fysikk/'));
    await page.keyboard.press('Space');
    await tabTo(page, 'the travel distance', focusedText('/Reiser inntil/'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await tabTo(page, 'the before text', focusedText('/Før: forberedelse/'));
    await page.keyboard.type('Les om vannkraft i læreboka.');
    await tabTo(page, 'the during text', focusedText('/Under: hva som skjer/'));
    await page.keyboard.type('Bygg turbinen og mål spenningen.');
    await tabTo(page, 'the after text', focusedText('/Etter: oppfølging/'));
    await page.keyboard.type('Skriv en kort rapport.');
    await tabTo(page, 'the materials', focusedText('/Materialer/'));
    await page.keyboard.type('Multimeter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Slange, 2 m');
    await tabTo(page, 'the preparation time', focusedText('/Lærerens forberedelse/'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await tabTo(page, 'the curricula', focusedText('/Læreplaner/'));
    await page.keyboard.type('NAT01-04');
    await tabTo(page, 'the save button', focusedText('/^Lagre som utkast/'));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/min-side\/tilbyder\/tilbud\/[^/?]+/).catch(async (e) => {
      const alerts = await page.locator('[role=alert], .ds-validation-message').allInnerTexts();
      const bad = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid=true]')].map((e) => (e.labels?.[0]?.innerText ?? e.name) + '=' + e.value));
      alerts.push(...bad);
      throw new Error(`the draft was not saved: ${alerts.join(' | ') || e.message}`);
    });
    await page.getByText(`«${TITLE}» er lagret som utkast.`).waitFor();
    await settled(page);
    editorUrl = page.url().replace(/\?.*$/, '');
    console.log(`provider: from the dashboard to a saved kit in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(await page.locator('.tags').first().getByText('Utkast').count(), 1);
    await expectNoAxeViolations(page, 'offer editor');

    // After a reload the draft and its kit are still there.
    await page.goto(editorUrl);
    await settled(page);
    assert.equal(await page.getByLabel('Tittel').inputValue(), TITLE);
    assert.equal(await page.getByLabel('Materialer').inputValue(), 'Multimeter\nSlange, 2 m');
    assert.equal(await page.getByLabel('Læreplaner (LK20)').inputValue(), 'NAT01-04');
    // A kit is sent to the school: the provider travels, so the distance is asked that way.
    assert.equal(await page.getByLabel('Reiser inntil (km)').inputValue(), '100');
    await page.context().close();
  });

  test('a worksheet and a picture are uploaded, and a file that is not one is refused in Norwegian', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(editorUrl);
    await settled(page);
    await page.getByLabel('Last opp arbeidsark eller materiell').setInputFiles({ name: 'Arbeidsark vannkraft.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('«Arbeidsark vannkraft.pdf» er lastet opp.').waitFor();
    await page.getByLabel('Last opp et bilde').setInputFiles({ name: 'turbin.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('«turbin.png» er lastet opp.').waitFor();
    // A text file named as a PDF: refused by its content, the reason in bokmål.
    await page.getByLabel('Last opp arbeidsark eller materiell').setInputFiles({ name: 'lureri.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bare tekst') });
    await page.getByText('Denne filtypen kan ikke lastes opp. Bruk PDF, JPEG, PNG eller WebP.').waitFor();
    await settled(page);
    assert.equal(await page.getByRole('link', { name: 'Arbeidsark vannkraft.pdf' }).count(), 1);
    await expectNoAxeViolations(page, 'offer editor with files');
    await screenshot(page, 'provider-kit-editor');
    await page.context().close();
  });

  test('published, the teacher sees the kit and downloads the worksheet', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(editorUrl);
    await settled(page);
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByText('Tilbudet er publisert.').waitFor();
    assert.equal(await page.locator('.tags').first().getByText('Publisert').count(), 1);
    const id = editorUrl.split('/').pop();
    await page.context().close();

    const teacher = await newPage(browser);
    await signIn(teacher, 'laerer1');
    await teacher.goto(`${BASE}/tilbud/${id}`);
    await settled(teacher);
    await teacher.getByRole('heading', { name: 'Materialer' }).waitFor();
    assert.ok(await teacher.getByText('Slange, 2 m').isVisible());
    assert.ok(await teacher.getByText('30 minutter').isVisible(), 'the preparation time');
    assert.equal(await teacher.getByRole('link', { name: 'NAT01-04' }).getAttribute('href'), 'https://www.udir.no/lk20/nat01-04');
    const href = await teacher.getByRole('link', { name: 'Arbeidsark vannkraft.pdf' }).getAttribute('href');
    const file = await teacher.request.get(`${BASE}${href}`);
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), PDF);
    assert.match(file.headers()['content-disposition'], /^attachment; filename="Arbeidsark vannkraft.pdf"/);
    assert.equal(await teacher.getByRole('img', { name: `Bilde 1 av «${TITLE}»` }).count(), 1);
    await expectNoAxeViolations(teacher, 'offer page with a kit');
    await teacher.context().close();
  });

  test('a copy is a new draft with the kit; archived, it stays on the dashboard', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(editorUrl);
    await settled(page);
    await page.getByRole('button', { name: 'Kopier' }).click();
    await page.getByText('Kopien er lagret som utkast.', { exact: false }).waitFor();
    assert.notEqual(page.url().replace(/\?.*$/, ''), editorUrl);
    await settled(page);
    assert.equal(await page.getByLabel('Materialer').inputValue(), 'Multimeter\nSlange, 2 m');
    assert.equal(await page.getByRole('link', { name: 'Arbeidsark vannkraft.pdf' }).count(), 1, 'the copy has its own worksheet');
    await page.getByLabel('Tittel').fill(`${TITLE} – kopi`);
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.getByRole('button', { name: 'Arkiver' }).click();
    await page.getByText('Tilbudet er arkivert.').waitFor();

    await page.goto(`${BASE}/min-side/tilbyder`);
    await settled(page);
    const copy = page.locator('li', { has: page.getByRole('link', { name: `${TITLE} – kopi`, exact: true }) });
    assert.equal(await copy.getByText('Arkivert').count(), 1);
    const original = page.locator('li', { has: page.getByRole('link', { name: TITLE, exact: true }) });
    assert.equal(await original.getByText('Publisert').count(), 1);
    await expectNoAxeViolations(page, 'provider dashboard with drafts and archived offers');
    await page.context().close();
  });

  test("the provider's public page shows who they are, where, what they offer and their impact", async () => {
    const page = await newPage(browser);
    const found = await page.request.get(`${BASE}/api/v1/offers?q=vannkraftverket`);
    const provider = (await found.json()).items[0].organisation;
    await page.goto(`${BASE}/tilbud/${editorUrl.split('/').pop()}`);
    await settled(page);
    await page.getByRole('link', { name: provider.name }).first().click();
    await page.waitForURL(/\/tilbyder\//);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), provider.name);
    assert.match(await page.getByText('Holder til i').innerText(), /Holder til i Skiptvet, Østfold/);
    assert.equal(await page.getByRole('heading', { name: TITLE, exact: true }).count(), 1, 'its published kit is among its offers');
    await page.getByRole('heading', { name: 'Effekt i tall' }).waitFor();
    await expectNoAxeViolations(page, "provider's public page");
    await screenshot(page, 'provider-page');
    // An unknown provider is a proper "not found" page.
    await page.goto(`${BASE}/tilbyder/org:999999999`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'Fant ikke siden');
    await page.context().close();

    // Archived again, so that the other tests see the demo's offers as seeded.
    const owner = await newPage(browser);
    await signIn(owner, 'kraft');
    await owner.goto(editorUrl);
    await settled(owner);
    await owner.getByRole('button', { name: 'Arkiver' }).click();
    await owner.getByText('Tilbudet er arkivert.').waitFor();
    await owner.context().close();
  });
});
