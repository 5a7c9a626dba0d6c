// Browser tests of the web front-end against a real `stemnet serve` with the demo data.
// Run through ./run.sh, which seeds a database, starts the server and sets STEMNET_URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectNoAxeViolations, focusedText, launch, newPage, screenshot, settled, signIn, tabTo } from './lib.mjs';

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
    // The figures arrive one query each; on a busy machine after the page has settled.
    await page
      .waitForFunction(
        () => [...document.querySelectorAll('.stat__value')].every((e) => e.textContent !== '…'),
        null,
        { timeout: 20_000 },
      )
      .catch(() => {});
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

  test('an indicator without figures says where they come from and what brings them', async () => {
    const page = await newPage(browser);
    await page.goto(`${BASE}/monitor/stem_employment`);
    await settled(page);
    await page.getByText('Tallene hentes fra SSB', { exact: false }).waitFor();
    assert.equal(await page.locator('code', { hasText: 'stemnet monitor refresh --only stem_employment' }).count(), 1);
    await expectNoAxeViolations(page, 'an indicator without figures');
    await page.context().close();
  });

  test("figures on today's areas: the choice is offered and says how figures moved", async () => {
    const page = await newPage(browser);
    await page.goto(`${BASE}/monitor/pupils?niva=municipality`);
    await settled(page);
    await page.getByLabel('Områder').selectOption({ label: 'Dagens kommuner og fylker' });
    await page.waitForURL(/omrader=dagens/);
    await settled(page);
    await page.getByText('Vis som tabell').last().click();
    await page.getByRole('columnheader', { name: 'Merknad' }).waitFor();
    await expectNoAxeViolations(page, "figures on today's areas");
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
    let axeMs = 0; // axe's own time is left out of the measurement
    const started = Date.now();

    // "Tilbud nær skolen" → the catalogue filtered with near=<orgnr>
    await tabTo(page, 'the link to offers near the school', focusedText('/Tilbud nær skolen/'));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('near') === KIRKELUND);
    await settled(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent);
    const count = await page.getByTestId('result-count').innerText();
    const axeFrom = Date.now();
    assert.ok(Number(/^(\d+) tilbud$/.exec(count)?.[1]) >= 3, `near Kirkelund skole: the Skiptvet visit, Østfold's offers in reach and the digital ones (${count})`);
    // nearest first: the Skiptvet visit (0 km) is among the first cards
    const first = await page.locator('.offer-card h3').first().innerText();
    assert.ok((await page.locator('.offer-card').first().innerText()).includes('0 km fra skolen'), `the nearest first (${first})`);
    await expectNoAxeViolations(page, 'catalogue near the school');
    axeMs += Date.now() - axeFrom;

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
    // With a mouse the same path is five clicks: offers near the school, the offer, the grade,
    // the slot, send (the pupils and the message are typed).
    console.log(`teacher: from the dashboard to a sent request near the school in ${((Date.now() - started - axeMs) / 1000).toFixed(1)} s with the keyboard`);
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

describe('an open request: the school asks, a provider answers with an offer, the school takes it', () => {
  const WISH = `E2E: noen fra energibransjen som kan snakke om kraft (${Date.now()})`;
  const ANSWER = `E2E: Vi tar gjerne imot klassen på kraftverket (${Date.now()})`;
  let openUrl;
  let requestUrl;

  test('the teacher posts an open request, with the keyboard only', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/min-side/laerer`);
    await settled(page);
    await tabTo(page, 'the link to a new open request', focusedText('/Ny åpen forespørsel/'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/apne-foresporsler\/ny$/);
    await page.locator('h1', { hasText: 'Ny åpen forespørsel' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'new open request');

    await tabTo(page, 'the grade select', focusedText('/Trinn/'));
    await page.keyboard.press('ArrowDown'); // 8. → 9. trinn
    await tabTo(page, 'the pupils field', focusedText('/Antall elever/'));
    await page.keyboard.type('17');
    await tabTo(page, 'the subject natural science', focusedText('/Naturfag/'));
    await page.keyboard.press('Space');
    await tabTo(page, 'the format role model talk', focusedText('/Rollemodell/'));
    await page.keyboard.press('Space');
    await tabTo(page, 'the note', focusedText('/Mer om ønsket/'));
    await page.keyboard.type(WISH);
    await tabTo(page, 'the send button', focusedText('/^Send åpen forespørsel/'));
    await page.keyboard.press('Enter');

    await page.waitForURL((u) => /^\/apne-foresporsler\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/ny'));
    await page.locator('.open-state-tag').first().waitFor();
    await settled(page);
    openUrl = page.url();
    assert.equal(await page.locator('.open-state-tag').first().innerText(), 'Åpen');
    assert.match(await page.locator('.lead').first().innerText(), /Kirkelund skole · 9\. trinn · 17 elever/);
    assert.ok(await page.getByText(WISH).isVisible(), 'the wish is shown');
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /Naturfag/);
    assert.match(facts, /Rollemodell/);
    assert.match(facts, /Uke \d+, \d{4}/);
    await expectNoAxeViolations(page, 'open request (school, no answers)');
    await page.context().close();
  });

  test('the provider finds it and answers with its offer and a slot', async () => {
    assert.ok(openUrl, 'the open request was made');
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(`${BASE}/min-side/tilbyder`);
    await settled(page);
    const path = new URL(openUrl).pathname;
    const link = page.locator(`a[href="${path}"]`);
    assert.equal(await link.count(), 1, 'the open request is listed for the provider');
    assert.match(await link.innerText(), /Kirkelund skole, 9\. trinn/);
    await link.click();
    await page.waitForURL(openUrl);
    await page.locator('#answer-heading').waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'open request (provider)');

    await page.getByLabel('Tilbud (valgfritt)').selectOption({ label: OFFER_TITLE });
    const slot = page.getByLabel('Tidspunkt (valgfritt)');
    await slot.locator('option').nth(1).waitFor({ state: 'attached' });
    const when = await slot.locator('option').nth(1).innerText();
    await slot.selectOption({ index: 1 });
    await page.getByLabel('Ditt svar').fill(ANSWER);
    await page.getByRole('button', { name: 'Send svar' }).click();
    const card = page.locator('.answer', { hasText: ANSWER });
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`Foreslått tilbud:\\s*${OFFER_TITLE}`));
    await page.waitForFunction((w) => document.body.innerText.includes(`Tidspunkt: ${w}`), when);
    assert.equal(await page.getByRole('button', { name: 'Velg dette svaret' }).count(), 0, 'only the school takes an answer');
    await page.context().close();
  });

  test('the teacher takes the answer and lands on the new request', async () => {
    assert.ok(openUrl, 'the open request was made');
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(openUrl);
    await page.locator('.answer', { hasText: ANSWER }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'open request (school, with an answer)');
    await screenshot(page, 'open-request');
    await page.locator('.answer', { hasText: ANSWER }).getByRole('button', { name: 'Velg dette svaret' }).click();
    await page.waitForURL(/\/foresporsel\/[^/]+$/);
    await page.locator('.state-tag').first().waitFor();
    await settled(page);
    requestUrl = page.url();
    assert.match(await page.locator('h1').innerText(), new RegExp(OFFER_TITLE));
    assert.equal(await page.locator('.state-tag').first().innerText(), 'Sendt');
    assert.match(await page.locator('.lead').first().innerText(), /Kirkelund skole · 9\. trinn · 17 elever/);

    await page.goto(openUrl);
    await page.locator('.open-state-tag').first().waitFor();
    await settled(page);
    assert.equal(await page.locator('.open-state-tag').first().innerText(), 'Svar valgt');
    assert.equal(await page.getByRole('link', { name: 'Se forespørselen' }).getAttribute('href'), new URL(requestUrl).pathname);
    assert.equal(await page.getByRole('button', { name: 'Velg dette svaret' }).count(), 0, 'taken: no more choosing');
    await page.context().close();
  });

  test('the provider sees the new request among incoming ones', async () => {
    assert.ok(requestUrl, 'the answer was taken');
    const page = await newPage(browser);
    await signIn(page, 'kraft');
    await page.goto(`${BASE}/min-side/tilbyder`);
    await settled(page);
    const incoming = page.locator('section', { has: page.getByRole('heading', { name: 'Venter på svar' }) }).first();
    assert.equal(await incoming.locator(`a[href="${new URL(requestUrl).pathname}"]`).count(), 1, 'the new request is waiting for the provider');
    const open = page.locator(`a[href="${new URL(openUrl).pathname}"]`);
    assert.equal(await open.count(), 0, 'a taken open request is no longer among the open ones');
    await page.context().close();
  });

  test('the teacher is told what is missing, and can withdraw an open request', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/apne-foresporsler/ny`);
    await settled(page);
    // what is missing is said at the field, in Norwegian, before anything is sent
    await page.getByRole('button', { name: 'Send åpen forespørsel' }).click();
    for (const m of ['Skriv hvor mange elever som er med.', 'Velg minst ett fag.', 'Skriv litt om hva klassen ønsker seg.'])
      assert.ok(await page.getByText(m).isVisible(), m);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-pupils', 'the first field to fix has the focus');
    await expectNoAxeViolations(page, 'new open request with errors');
    await page.getByLabel('Antall elever').fill('12');
    await page.getByLabel('Matematikk').check();
    await page.getByLabel('Mer om ønsket').fill('E2E: trekkes tilbake');
    assert.equal(await page.getByText('Velg minst ett fag.').count(), 0, 'a fixed field says nothing more');
    await page.getByRole('button', { name: 'Send åpen forespørsel' }).click();
    await page.locator('.open-state-tag').first().waitFor();
    await page.getByRole('button', { name: 'Trekk tilbake forespørselen' }).click();
    await page.waitForFunction(() => document.querySelector('.open-state-tag')?.textContent === 'Trukket tilbake');
    assert.equal(await page.getByRole('button', { name: 'Trekk tilbake forespørselen' }).count(), 0);
    await page.context().close();
  });
});

describe('notification settings', () => {
  test('a kind turned off stays off after a reload; the password code cannot be turned off', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer2');
    await page.goto(`${BASE}/min-side/varsler`);
    await settled(page);
    await expectNoAxeViolations(page, 'notification settings');
    await screenshot(page, 'settings');
    const messages = page.getByRole('switch', { name: 'Nye meldinger i forespørslene mine' });
    const reset = page.getByRole('switch', { name: 'Kode for nytt passord' });
    assert.equal(await page.getByRole('switch').count(), 8);
    assert.ok(await messages.isChecked());
    assert.ok(await reset.isChecked());
    assert.ok(await reset.isDisabled(), 'the reset code is always on');

    await messages.press('Space');
    await page.getByRole('status').filter({ hasText: 'Lagret: «Nye meldinger i forespørslene mine» er slått av.' }).waitFor();
    await page.reload();
    await settled(page);
    assert.equal(await page.getByRole('switch', { name: 'Nye meldinger i forespørslene mine' }).isChecked(), false, 'still off');
    assert.ok(await page.getByRole('switch', { name: 'Nye forespørsler på tilbudene mine' }).isChecked(), 'the others are untouched');

    await page.getByRole('switch', { name: 'Nye meldinger i forespørslene mine' }).press('Space');
    await page.getByRole('status').filter({ hasText: 'er slått på' }).waitFor();
    await page.context().close();
  });
});

describe('coordinator', () => {
  test('sees the region: open requests, requests, gaps', async () => {
    // an open request from Kirkelund skole (Skiptvet, Østfold), made through the API
    const teacher = await newPage(browser);
    await signIn(teacher, 'laerer1');
    const { csrf_token } = await (await teacher.request.get(`${BASE}/api/v1/me`)).json();
    const wish = `E2E: koordinatoren foreslår (${Date.now()})`;
    const made = await teacher.request.post(`${BASE}/api/v1/open-requests`, {
      headers: { 'X-CSRF-Token': csrf_token },
      data: { school: KIRKELUND, grade: 8, pupils: 20, subjects: ['technology_programming'], formats: [], digital_ok: true, weeks: ['2027-W10'], note: wish },
    });
    assert.equal(made.status(), 201, await made.text());
    const openPath = `/apne-foresporsler/${(await made.json()).id}`;
    await teacher.context().close();

    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    assert.match(await page.locator('.lead').first().innerText(), /Østfold/);
    const region = page.locator('section', { has: page.getByRole('heading', { name: 'Forespørsler i regionen' }) }).first();
    const rows = await region.locator('tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('Kirkelund skole')), `Kirkelund skole (Skiptvet, Østfold) among the region's requests: ${rows.join(' | ')}`);
    await expectNoAxeViolations(page, 'coordinator dashboard');
    await screenshot(page, 'coordinator-dashboard');

    // the open request: answered in place, with a suggested offer
    const wishCard = page.locator('.open-request-cards > li', { has: page.locator(`a[href="${openPath}"]`) });
    assert.ok((await wishCard.innerText()).includes(wish), 'the wish is on the card');
    await wishCard.getByText('Svar skolen').click();
    const offers = wishCard.getByLabel('Tilbud (valgfritt)');
    await offers.locator('option').nth(1).waitFor({ state: 'attached' });
    const suggested = (await offers.locator('option').nth(1).innerText()).replace(/ \(.*\)$/, '');
    await offers.selectOption({ index: 1 });
    await wishCard.getByLabel('Ditt svar').fill('E2E: dette tilbudet passer');
    await expectNoAxeViolations(page, 'coordinator dashboard, answering');
    await wishCard.getByRole('button', { name: 'Send svar' }).click();
    await wishCard.getByText('Svaret er sendt til skolen.').waitFor();
    await page.goto(BASE + openPath);
    const card = page.locator('.answer', { hasText: 'E2E: dette tilbudet passer' });
    await card.waitFor();
    await settled(page);
    assert.match(await card.innerText(), /Demo koordinator Østfold/);
    assert.ok((await card.innerText()).includes(suggested), `the answer names ${suggested}`);
    await expectNoAxeViolations(page, 'open request (coordinator)');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);

    // a request of the region, read-only
    await region.locator('tbody tr a').first().click();
    await page.waitForURL(/\/foresporsel\/[^/]+$/);
    await page.locator('.state-tag').first().waitFor();
    await settled(page);
    assert.ok(await page.getByText('Du ser forespørselen som koordinator').isVisible());
    assert.equal(await page.locator('button[data-move]').count(), 0, 'no moves for a coordinator');
    await expectNoAxeViolations(page, 'request (coordinator)');
    await page.context().close();
  });

  test('colours the map by an indicator and opens a municipality', async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
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

describe('matching round', () => {
  test('the coordinator sees the gaps table, one call, cold spots first', async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await settled(page); // sign-in lands on the coordinator's dashboard: its calls are done
    const gapCalls = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/v1/gaps') gapCalls.push(u.search);
      if (u.pathname === '/api/v1/offers' && u.searchParams.has('municipality')) gapCalls.push('fan-out ' + u.search);
    });
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    assert.deepEqual(gapCalls, ['?level=municipality'], 'one call to /gaps, no fan-out');
    const rows = page.locator('.gaps-table tbody tr');
    assert.equal(await rows.count(), 12, "Østfold's 12 municipalities");
    assert.ok(await page.getByText('Kald sone:').isVisible(), 'the rule is explained');
    // the rates per 1 000 pupils say whose pupils: Udir's, of the school year loaded
    assert.match(await page.getByTestId('gaps-pupils').innerText(), /Udir.*2025-26/);
    assert.ok(await page.getByRole('columnheader', { name: 'Elever nådd per 1 000 elever' }).isVisible());
    const skiptvet = page.locator('.gaps-table a', { hasText: 'Skiptvet' });
    assert.equal(await skiptvet.getAttribute('href'), '/kommune/3116');
    // cold spots first: no cold spot above a warm one
    const flags = await page.locator('.gaps-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(flags, [...flags].sort((a, b) => Number(b === 'Kald sone') - Number(a === 'Kald sone')), flags.join(', '));
    await page.getByLabel('Sorter').selectOption('name');
    assert.equal(await rows.first().locator('a').innerText(), 'Aremark');

    // the map's engagement mode is the server's offers_in_reach (the old ?indikator=tilbud still works)
    await page.goto(`${BASE}/kart?indikator=tilbud`);
    await settled(page);
    assert.equal(await page.getByLabel('Farg kartet etter').inputValue(), 'offers_in_reach');
    assert.ok((await page.locator('.legend li').count()) >= 2, 'classes in the legend');
    await page.context().close();
  });

  test('a round for Østfold assigns Kirkelund skole to Fossekraft, the coordinator sends it, the provider sees it', async () => {
    // the provider's offer, its grades and a slot with room (through the API, as kraft)
    const provider = await newPage(browser);
    await signIn(provider, 'kraft');
    const me = await (await provider.request.get(`${BASE}/api/v1/me`)).json();
    const org = me.roles.find((r) => r.role === 'provider_member').scope;
    const offers = await (await provider.request.get(`${BASE}/api/v1/offers?organisation=${encodeURIComponent(org)}`)).json();
    const offer = offers.items.find((o) => o.title === OFFER_TITLE);
    assert.ok(offer, `${OFFER_TITLE} is kraft's`);
    const slots = await (await provider.request.get(`${BASE}/api/v1/offers/${offer.id}/slots`)).json();
    // a slot of two places: the demo's own round keeps a one-place slot in a week of its own
    const slot = slots.items.filter((s) => s.free > 1).at(-1);
    assert.ok(slot, 'a slot with room');
    const day = slot.starts_at.slice(0, 10);
    const isoWeek = (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      const wd = t.getUTCDay() || 7;
      t.setUTCDate(t.getUTCDate() + 4 - wd);
      const y = t.getUTCFullYear();
      const w = Math.ceil(((t - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
      return `${y}-W${String(w).padStart(2, '0')}`;
    };
    const shift = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    const monday = shift(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() || 7) - 1));
    const sunday = shift(monday, 6);

    // the school's wish (through the API, as laerer1): the offer's subject and grade, that week
    const teacher = await newPage(browser);
    await signIn(teacher, 'laerer1');
    const { csrf_token } = await (await teacher.request.get(`${BASE}/api/v1/me`)).json();
    const grade = offer.grades.min + 1;
    const made = await teacher.request.post(`${BASE}/api/v1/open-requests`, {
      headers: { 'X-CSRF-Token': csrf_token },
      data: { school: KIRKELUND, grade, pupils: 21, subjects: offer.subjects, formats: [], digital_ok: false, weeks: [isoWeek(day)], note: `E2E: matcherunde (${Date.now()})` },
    });
    assert.equal(made.status(), 201, await made.text());
    const openId = (await made.json()).id;
    await teacher.context().close();

    // the coordinator makes a round for Østfold over that week
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    // the coordinator's part is done with the keyboard only
    await tabTo(page, 'the link to the rounds', focusedText('/Gå til matcherundene/'), 200);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/min-side\/koordinator\/runder$/);
    await page.locator('h1', { hasText: 'Matcherunder' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'rounds');
    const region = page.getByLabel('Region', { exact: true });
    assert.equal(await region.locator('option:checked').innerText(), 'Østfold', 'the region is the coordinator’s county');
    await page.getByLabel('Fra og med').fill(monday);
    await page.getByLabel('Til og med').fill(sunday);
    await page.getByLabel('Til og med').focus();
    await tabTo(page, 'the create button', focusedText('/^Opprett runden/'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/min-side\/koordinator\/runder\/[^/]+$/);
    await page.getByRole('button', { name: 'Lag forslag' }).waitFor();
    await settled(page);
    assert.match(await page.locator('h1').innerText(), /Matcherunde for Østfold/);
    await expectNoAxeViolations(page, 'round (open)');

    await tabTo(page, 'the solve button', focusedText('/^Lag forslag/'), 200);
    await page.keyboard.press('Enter');
    const row = page.locator('.round-assignments tbody tr', { has: page.locator(`a[href="/apne-foresporsler/${openId}"]`) });
    await row.waitFor();
    await settled(page);
    const text = await row.innerText();
    assert.match(text, /Kirkelund skole/);
    assert.ok(text.includes(OFFER_TITLE), text);
    assert.match(text, /Fossekraft AS/);
    assert.match(text, /Treff \d+ av 10/);
    assert.match(text, /\d+(,\d)? km/);
    assert.match(await page.locator('.round-summary').innerText(), /Førstemann til mølla/);
    assert.match(await page.locator('.round-state-tag').first().innerText(), /Forslag/);
    await expectNoAxeViolations(page, 'round (proposed)');
    await screenshot(page, 'round');

    // send: asked first, then sent; the row links to the new request
    await tabTo(page, 'the send button', focusedText('/^Send forespørslene til tilbyderne/'), 200);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vil du sende forespørslene?' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-heading', 'the question has the focus');
    await expectNoAxeViolations(page, 'round (confirming)');
    await tabTo(page, 'the confirmation', focusedText('/^Ja, send/'));
    await page.keyboard.press('Enter');
    const link = row.getByRole('link', { name: 'Se forespørselen' });
    await link.waitFor();
    const requestPath = await link.getAttribute('href');
    assert.match(await page.locator('.round-state-tag').first().innerText(), /Sendt/);
    assert.equal(await page.getByRole('button', { name: 'Send forespørslene til tilbyderne' }).count(), 0, 'sent once');
    await page.context().close();

    // the provider sees it among incoming requests
    await provider.goto(`${BASE}/min-side/tilbyder`);
    await settled(provider);
    const incoming = provider.locator('section', { has: provider.getByRole('heading', { name: 'Venter på svar' }) }).first();
    assert.equal(await incoming.locator(`a[href="${requestPath}"]`).count(), 1, 'the new request is waiting for the provider');
    await provider.context().close();
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
