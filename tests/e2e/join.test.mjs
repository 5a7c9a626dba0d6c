// Joining as a provider in the browser: a company signs up, registers, is told who decides and
// what happens next, prepares its public page (contact, what it recruits for, logo, pictures)
// while it waits, is approved by the county's coordinator on a card that shows whom to ask, and
// its page is public. A role model registers as a person, with their field and where they work.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, expectNoAxeViolations, launch, newPage, screenshot, settled, signIn, waitForText } from './lib.mjs';

const STAMP = Date.now();
const COMPANY = `Skiptvet Solkraft AS (E2E ${STAMP})`;
const EMAIL = `solkraft-${STAMP}@e2e.stemnet.invalid`;
// The check digit of 9 digits (mod 11, weights 3 2 7 6 5 4 3 2); null when none fits.
function orgnr(seed) {
  for (let n = seed; ; n++) {
    const d = String(n).padStart(8, '0').slice(-8).split('').map(Number);
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * d[i], 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return d.join('') + String(check === 11 ? 0 : check);
  }
}
const ORGNR = orgnr(80000000 + (STAMP % 9000000));
// A real 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Signs up through the page, as a newcomer does. */
async function signUp(page, name, email) {
  await page.goto(`${BASE}/registrer`);
  await settled(page);
  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Lag konto' }).click();
  await page.waitForURL((u) => u.pathname === '/min-side');
  await settled(page);
}

describe('a company joins and shows itself', () => {
  let profileUrl;
  let clicks = 0;
  let started = 0;

  test('signed up and registered, it is told who decides and prepares its page while it waits', async () => {
    const page = await newPage(browser);
    started = Date.now();
    await signUp(page, 'Siri Sol', EMAIL);
    clicks += 1;
    await page.locator('summary', { hasText: 'Registrer en tilbyder' }).click();
    clicks += 1;
    const form = page.locator('details form');
    await form.getByLabel('Navn', { exact: true }).fill(COMPANY);
    await form.getByLabel('Organisasjonsnummer').fill(ORGNR);
    await form.getByLabel('Kommune').selectOption({ label: 'Skiptvet' });
    await form.getByLabel('Bransje').selectOption({ label: 'Energi' });
    await form.getByLabel('Kort om tilbyderen').fill('Vi bygger solparker i Østfold og viser unge hvordan sol blir strøm.');
    await form.getByLabel('Læreplasser').check();
    await form.getByLabel('Sommerjobber').check();
    await form.getByLabel('Kontaktpersonens navn').fill('Siri Sol');
    await form.getByLabel('Rolle', { exact: true }).fill('Skolekontakt');
    await form.getByLabel('E-post', { exact: true }).fill('skole@solkraft.example');
    await form.getByLabel('Telefon', { exact: true }).fill('+47 69 00 00 00');
    clicks += 4; // the municipality, the sector and two choices
    await form.getByRole('button', { name: 'Registrer' }).click();
    clicks += 1;
    await page.waitForURL(/\/min-side\/tilbyder\/profil\//);
    await settled(page);
    profileUrl = page.url().replace(/\?.*$/, '');
    // Who decides and what happens next, without an error in sight.
    await page.getByText('En koordinator for Østfold ser på registreringen').waitFor();
    assert.equal(await page.locator('.ds-alert[data-color="danger"], [role=alert][data-color="danger"]').count(), 0);
    assert.equal(await page.getByText('Venter på godkjenning').count() > 0, true);

    // The logo and a picture, uploaded while pending; a PDF as a logo is refused in bokmål.
    await page.getByLabel('Last opp logo').setInputFiles({ name: 'solkraft.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('«solkraft.png» er lastet opp.').waitFor();
    await page.getByLabel('Last opp et bilde').setInputFiles({ name: 'solpark.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('«solpark.png» er lastet opp.').waitFor();
    await page.getByLabel('Last opp logo').setInputFiles({ name: 'logo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByText('Denne filtypen kan ikke lastes opp', { exact: false }).waitFor();
    clicks += 2;
    await page.getByLabel('Nettside').fill('https://solkraft.example');
    await page.getByRole('button', { name: 'Lagre profilen' }).click();
    clicks += 1;
    await page.getByText('Profilen er lagret.').waitFor();
    await expectNoAxeViolations(page, 'provider profile, pending');
    await screenshot(page, 'provider-profile-pending');

    // Kept across a reload.
    await page.goto(profileUrl);
    await settled(page);
    assert.equal(await page.getByLabel('Nettside').inputValue(), 'https://solkraft.example');
    assert.equal(await page.getByLabel('Kontaktpersonens navn').inputValue(), 'Siri Sol');
    assert.equal(await page.getByRole('link', { name: 'solkraft.png' }).count(), 1);
    // Its public page is not there for others yet.
    const stranger = await page.request.get(`${BASE}/api/v1/organisations/org:${ORGNR}`, { headers: { cookie: '' } });
    assert.equal(stranger.status(), 404);
    await page.context().close();
  });

  test("the coordinator's card shows where it is and whom to ask, and approving is confirmed", async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    const card = page.locator('.ds-card', { has: page.getByRole('heading', { name: COMPANY }) });
    await card.waitFor();
    assert.match(await card.innerText(), /Skiptvet, Østfold/);
    assert.match(await card.innerText(), /Siri Sol, Skolekontakt/);
    assert.equal(await card.getByRole('link', { name: 'skole@solkraft.example' }).count(), 1);
    await expectNoAxeViolations(page, 'coordinator with a pending provider');
    await card.getByRole('button', { name: `Godkjenn «${COMPANY}»` }).click();
    await page.getByText(`«${COMPANY}» er godkjent.`, { exact: false }).waitFor();
    assert.equal(await page.getByRole('heading', { name: COMPANY }).count(), 0, 'the card is gone');
    await page.context().close();
  });

  test('approved, its page shows the logo, pictures, contact and what it recruits for', async () => {
    const page = await newPage(browser);
    await page.goto(`${BASE}/tilbyder/${encodeURIComponent(`org:${ORGNR}`)}`);
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), COMPANY);
    assert.equal(await page.getByRole('img', { name: `Logoen til ${COMPANY}` }).count(), 1);
    assert.equal(await page.getByRole('list', { name: 'Bilder' }).locator('img').count(), 1);
    await page.getByRole('heading', { name: 'Dette rekrutterer vi til' }).waitFor();
    assert.equal(await page.getByText('Sommerjobber', { exact: true }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'skole@solkraft.example' }).getAttribute('href'), 'mailto:skole@solkraft.example');
    assert.equal(await page.getByRole('link', { name: '+47 69 00 00 00' }).getAttribute('href'), 'tel:+4769000000');
    assert.match(await page.getByText('Holder til i').innerText(), /Skiptvet, Østfold/);
    const logo = await page.request.get(`${BASE}${await page.getByRole('img', { name: `Logoen til ${COMPANY}` }).getAttribute('src')}`);
    assert.equal(logo.headers()['cache-control'], 'public, max-age=86400');
    await expectNoAxeViolations(page, "an approved provider's page");
    await screenshot(page, 'provider-page-company');
    // The county's page lists it among the STEM careers close to home.
    await page.goto(`${BASE}/fylke/31`);
    await settled(page);
    const summer = page.locator('section[aria-labelledby="careers-summer_jobs"]');
    await summer.getByRole('heading', { name: 'Sommerjobber', exact: true }).waitFor();
    assert.equal(await summer.getByRole('link', { name: COMPANY }).count(), 1);
    await page.context().close();
    console.log(`join: a company from sign-up to a prepared page in ${clicks} clicks and ${((Date.now() - started) / 1000).toFixed(1)} s (the coordinator's approval not counted)`);
  });
});

describe('a role model is a person', () => {
  test('registers without an organisation number, named with their field and where they work', async () => {
    const page = await newPage(browser);
    const email = `rollemodell-${STAMP}@e2e.stemnet.invalid`;
    await signUp(page, 'Kari Havbruk', email);
    await page.locator('summary', { hasText: 'Registrer en tilbyder' }).click();
    const form = page.locator('details form');
    await form.getByLabel('Type tilbyder').selectOption({ label: 'Frivillig rollemodell' });
    assert.equal(await form.getByLabel('Organisasjonsnummer').count(), 0, 'a person has none');
    await form.getByLabel('Fullt navn').fill('Kari Havbruk');
    await form.getByLabel('Kommune').selectOption('5001'); // Trondheim
    assert.equal(await form.getByLabel('Kommune').inputValue(), '5001');
    // Without a field: told at the field, in bokmål.
    await form.getByRole('button', { name: 'Registrer' }).click();
    await waitForText(page, 'Skriv hva du jobber med eller studerer.');
    await form.getByLabel('Fag eller yrke').fill('Havbruksingeniør');
    await form.getByLabel('Arbeidsgiver eller studiested').fill('NTNU');
    await form.getByLabel('Studier').check();
    await expectNoAxeViolations(page, 'registering a role model');
    await form.getByRole('button', { name: 'Registrer' }).click();
    await page.waitForURL(/\/min-side\/tilbyder\/profil\//);
    await settled(page);
    await page.getByText('En koordinator for Trøndelag', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Fag eller yrke').inputValue(), 'Havbruksingeniør');
    await page.context().close();
  });
});

describe('a teacher joins their school without an administrator', () => {
  const name = `Tone Lærer ${STAMP}`;
  const email = `tone-${STAMP}@e2e.stemnet.invalid`;

  test('signed up, the teacher finds the school and asks to join', async () => {
    const page = await newPage(browser);
    const started = Date.now();
    await signUp(page, name, email);
    await page.getByRole('heading', { name: 'Er du lærer? Finn skolen din' }).waitFor();
    await page.getByLabel('Søk etter skolen din').fill('Kirkelund');
    await page.getByLabel('Kirkelund skole, Skiptvet (Østfold)').check();
    await page.getByLabel('Melding (valgfritt)').fill('Jeg underviser naturfag på 9. trinn.');
    await page.getByRole('button', { name: 'Be om å bli med på Kirkelund skole' }).click();
    await page.getByText('Du har bedt om å bli med på Kirkelund skole.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Forespørslene dine om å bli med' }).waitFor();
    assert.equal(await page.getByText('Venter på svar').count(), 1);
    console.log(`join: a teacher from sign-up to asking to join the school in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await expectNoAxeViolations(page, 'a teacher waiting to join');
    await page.context().close();
  });

  test("the county's coordinator lets the teacher in, and is told so", async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    const card = page.locator('.ds-card', { has: page.getByRole('heading', { name: `${name} vil bli med som Lærer på Kirkelund skole` }) });
    await card.waitFor();
    assert.match(await card.innerText(), /Jeg underviser naturfag på 9\. trinn\./);
    await expectNoAxeViolations(page, 'coordinator with a request to join');
    await card.getByRole('button', { name: `Slipp inn ${name}` }).click();
    await page.getByText(`${name} er sluppet inn på Kirkelund skole`, { exact: false }).waitFor();
    await page.context().close();
  });

  test('with one role, "Min side" goes straight to the teacher\'s dashboard', async () => {
    const page = await newPage(browser);
    await signIn(page, email);
    await page.waitForURL(/\/min-side\/laerer$/);
    await settled(page);
    await page.getByText('Kirkelund skole (Skiptvet)').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Min side', exact: true }).getAttribute('href'), '/min-side/laerer');
    await page.getByRole('link', { name: 'Alt på Min side' }).click();
    await page.waitForURL(/\/min-side$/);
    await settled(page);
    assert.equal(await page.getByText('Sluppet inn').count(), 1);
    await page.context().close();
  });
});
