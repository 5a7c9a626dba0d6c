// Browser tests of the web front-end against a real `stemnet serve` with the demo data.
// Run through ./run.sh, which seeds a database, starts the server and sets STEMNET_URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectNoAxeViolations, launch, newPage, screenshot, settled, signIn } from './lib.mjs';

const KIRKELUND = '975280640'; // laerer1's school, in Skiptvet
const OFFER_TITLE = 'Besøk på vannkraftverket'; // Fossekraft AS (demo), Skiptvet, grades 8–10
const NOTE = `E2E: 10B vil se kraftverket (${Date.now()})`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `max` presses. */
async function tabTo(page, describeIt, matches, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate(matches);
    if (ok) return;
  }
  assert.fail(`Tab never reached ${describeIt}`);
}

const focusedText = (re) => new Function(`const a = document.activeElement; return !!a && ${re}.test((a.innerText || a.value || a.getAttribute('aria-label') || '') + ' ' + (a.labels?.[0]?.innerText ?? ''));`);

describe('public pages', () => {
  const pages = [
    ['/', 'home'],
    ['/kart', 'map'],
    ['/tilbud', 'catalogue'],
    ['/monitor', 'monitor'],
    ['/monitor/national_test_numeracy_5', 'indicator'],
    ['/kommune/0301', 'municipality'],
    ['/fylke/46', 'county'],
    ['/om-dataene', 'about'],
    ['/logg-inn', null],
    ['/registrer', null],
    ['/nytt-passord', null],
    ['/finnes-ikke', null],
  ];
  for (const [path, shot] of pages) {
    test(`${path}: renders, no axe violations${shot ? ', screenshot' : ''}`, async () => {
      const page = await newPage(browser);
      await page.goto(BASE + path);
      await settled(page);
      const h1 = await page.locator('h1').first().innerText();
      assert.ok(h1.trim().length > 0, 'the page has a heading');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
      await expectNoAxeViolations(page, path);
      if (shot) await screenshot(page, shot);
      assert.deepEqual(page.errors, [], 'no script errors');
      await page.context().close();
    });
  }

  test('the start page shows the ecosystem at a glance', async () => {
    const page = await newPage(browser);
    await page.goto(BASE + '/');
    await settled(page);
    const stats = await page.locator('.stat').allInnerTexts();
    assert.ok(stats.some((s) => /357\s+kommuner/.test(s)), `357 municipalities in ${stats}`);
    assert.ok(stats.some((s) => /2\s571\s+skoler/.test(s)), `2 571 schools, Norwegian format, in ${stats}`);
    await page.context().close();
  });

  test('the offer page, with its request panel', async () => {
    const page = await newPage(browser);
    await page.goto(`${BASE}/tilbud?q=vannkraftverket`);
    await settled(page);
    await page.getByRole('link', { name: OFFER_TITLE }).click();
    await page.locator('h1', { hasText: OFFER_TITLE }).waitFor();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), OFFER_TITLE);
    await expectNoAxeViolations(page, 'offer page');
    await screenshot(page, 'offer');
    await page.context().close();
  });

  test('the monitor offers CSV and JSON-stat downloads that the server answers', async () => {
    const page = await newPage(browser);
    await page.goto(`${BASE}/monitor/national_test_numeracy_5`);
    await settled(page);
    const csv = await page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href');
    const js = await page.getByRole('link', { name: 'Last ned JSON-stat' }).getAttribute('href');
    const csvText = await (await page.request.get(BASE + csv)).text();
    assert.match(csvText, /^indicator,area_level,area,area_name,period/);
    assert.match(csvText, /national_test_numeracy_5,county,03,Oslo,2025-26,score/);
    const jsonstat = await (await page.request.get(BASE + js)).json();
    assert.equal(jsonstat.version, '2.0');
    assert.equal(jsonstat.class, 'dataset');
    // the chart comes with a table for screen readers
    await page.getByText('Vis som tabell').last().click();
    assert.ok(await page.getByRole('cell', { name: /^\d+$/ }).count() > 0 || (await page.locator('table td.num').count()) > 0);
    await page.context().close();
  });
});

describe('a teacher books, the provider accepts, the teacher sees the booking', () => {
  let requestUrl;

  test('the teacher finds an offer near the school and requests it, with the keyboard only', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/min-side/laerer`);
    await settled(page);
    await expectNoAxeViolations(page, 'teacher dashboard (before)');

    // "Tilbud nær skolen" → the catalogue filtered with near=<orgnr>
    await tabTo(page, 'the link to offers near the school', focusedText('/Tilbud nær skolen/'));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('near') === KIRKELUND);
    await settled(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent);
    const count = await page.getByTestId('result-count').innerText();
    assert.match(count, /^3 tilbud$/, 'near Kirkelund skole: the Skiptvet visit and the two digital offers');
    await expectNoAxeViolations(page, 'catalogue near the school');

    await tabTo(page, 'the offer', focusedText(`/${OFFER_TITLE}/`));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tilbud\/[^/]+$/);
    await page.locator('h1', { hasText: OFFER_TITLE }).waitFor();
    await settled(page);

    // the request form: grade, pupils, a free slot, a message; submitted with Enter on the button
    await tabTo(page, 'the grade select', focusedText('/Trinn/'));
    await page.keyboard.press('ArrowDown'); // grade 9 of 8–10
    await tabTo(page, 'the pupils field', focusedText('/Antall elever/'));
    await page.keyboard.type('24');
    await tabTo(page, 'the first free slot', () => document.activeElement?.getAttribute('type') === 'radio');
    await page.keyboard.press('ArrowDown'); // from "no particular time" to the first slot
    await tabTo(page, 'the message field', focusedText('/Melding til tilbyderen/'));
    await page.keyboard.type(NOTE);
    await tabTo(page, 'the send button', focusedText('/^Send forespørsel/'));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/foresporsel\/[^/]+$/);
    await page.locator('.state-tag').first().waitFor();
    await settled(page);
    requestUrl = page.url();
    assert.match(await page.locator('h1').innerText(), new RegExp(OFFER_TITLE));
    assert.equal(await page.locator('.state-tag').first().innerText(), 'Sendt');
    assert.ok(await page.getByText(NOTE).isVisible(), 'the message is the first of the thread');
    assert.match(await page.locator('h1 + p, .lead').first().innerText(), /Kirkelund skole · 9\. trinn · 24 elever/);
    await expectNoAxeViolations(page, 'request page');
    await page.context().close();
  });

  test('the provider sees it among incoming requests and accepts it', async () => {
    assert.ok(requestUrl, 'the request was made');
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(`${BASE}/min-side/tilbyder`);
    await settled(page);
    const incoming = page.locator('section', { has: page.getByRole('heading', { name: 'Venter på svar' }) }).first();
    const rows = incoming.locator('tbody tr');
    const texts = await rows.allInnerTexts();
    const row = texts.findIndex((t) => t.includes('Kirkelund skole') && t.includes('24'));
    assert.ok(row >= 0, `the new request is listed: ${texts.join(' | ')}`);
    await expectNoAxeViolations(page, 'provider dashboard');
    await screenshot(page, 'provider-dashboard');

    await page.goto(requestUrl);
    await settled(page);
    await page.locator('button[data-move="accept"]').click();
    await page.waitForFunction(() => document.querySelector('.state-tag')?.textContent === 'Bekreftet');
    assert.ok(await page.getByRole('link', { name: /kalenderen/ }).isVisible(), 'a calendar file once it has a time');
    await page.context().close();
  });

  test('the teacher sees the booking as confirmed', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/min-side/laerer`);
    await settled(page);
    const bookings = page.locator('section', { has: page.getByRole('heading', { name: 'Avtaler', exact: true }) }).first();
    const texts = await bookings.locator('tbody tr').allInnerTexts();
    assert.ok(
      texts.some((t) => t.includes(OFFER_TITLE) && t.includes('Bekreftet')),
      `a confirmed booking: ${texts.join(' | ')}`,
    );
    await expectNoAxeViolations(page, 'teacher dashboard (after)');
    await screenshot(page, 'teacher-dashboard');
    await page.goto(requestUrl);
    await settled(page);
    assert.equal(await page.locator('.state-tag').first().innerText(), 'Bekreftet');
    await page.context().close();
  });
});

describe('coordinator', () => {
  test('colours the map by an indicator and opens a municipality', async () => {
    const page = await newPage(browser);
    // coordinator@ is the demo's coordinator; an admin sees the same dashboard where it is missing
    try {
      await signIn(page, 'coordinator');
    } catch {
      await signIn(page, 'admin');
    }
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    await expectNoAxeViolations(page, 'coordinator dashboard');
    await screenshot(page, 'coordinator-dashboard');

    await page.goto(`${BASE}/kart`);
    await settled(page);
    await page.getByLabel('Farg kartet etter').selectOption('national_test_numeracy_5');
    await page.waitForFunction(() => /regning, 5\. trinn/.test(document.querySelector('.map-caption')?.textContent ?? ''));
    await settled(page);
    assert.match(await page.locator('.legend').innerText(), /skalapoeng/);
    assert.ok((await page.locator('.legend li').count()) >= 3, 'classes in the legend');
    // the table behind the map lists the same figures
    await page.getByText(/Vis som tabell/).click();
    assert.equal(await page.locator('.table-scroll tbody tr').count(), 357);

    // click on Oslo in the map: MapLibre tells where Oslo's label point is drawn
    await page.waitForFunction(() => window.__stemnetMap?.loaded());
    const box = await page.getByTestId('map').boundingBox();
    const pt = await page.evaluate(() => {
      const p = window.__stemnetMap.project([10.74, 59.98]);
      return { x: p.x, y: p.y };
    });
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await page.waitForURL(/\/kommune\/0301$/);
    await page.locator('h1', { hasText: 'Oslo' }).waitFor();
    await settled(page);
    assert.match(await page.locator('main').innerText(), /Nasjonale prøver i regning, 5\. trinn/);
    await page.context().close();
  });
});

describe('languages', () => {
  test('bokmål by default, nynorsk and English switchable, numbers in the language', async () => {
    const page = await newPage(browser);
    await page.goto(BASE + '/');
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'STEM-økosystemet i Norge');

    await page.getByRole('radio', { name: 'Nynorsk' }).check({ force: true });
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    assert.equal(await page.locator('h1').innerText(), 'STEM-økosystemet i Noreg');
    assert.ok(await page.getByRole('link', { name: 'Tilbod', exact: true }).first().isVisible());
    await expectNoAxeViolations(page, 'home in nynorsk');

    await page.getByRole('radio', { name: 'English' }).check({ force: true });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('h1').innerText(), 'The STEM ecosystem in Norway');
    const stats = await page.locator('.stat').allInnerTexts();
    assert.ok(stats.some((s) => /2,571\s+schools/.test(s)), `English number format: ${stats}`);

    await page.reload();
    await settled(page);
    assert.equal(await page.locator('h1').innerText(), 'The STEM ecosystem in Norway', 'the choice is kept');
    await page.context().close();
  });
});

describe('phone', () => {
  for (const [path, shot] of [
    ['/', 'phone-home'],
    ['/kart', 'phone-map'],
    ['/tilbud', null],
    ['/monitor/national_test_numeracy_5', null],
  ]) {
    test(`${path} fits a 360 px screen`, async () => {
      const page = await newPage(browser, { width: 360, height: 740 });
      await page.goto(BASE + path);
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
      if (shot) await screenshot(page, shot, { fullPage: false });
      await page.getByRole('button', { name: 'Meny' }).click();
      assert.ok(await page.getByRole('link', { name: 'Tilbud', exact: true }).first().isVisible(), 'the menu opens');
      await expectNoAxeViolations(page, `${path} on a phone`);
      await page.context().close();
    });
  }
});
