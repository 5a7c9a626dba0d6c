// What a person may do is what the page offers: a future booking can be cancelled (after a
// confirmation that says what happens) but not marked as held; more pupils than the offer takes
// are refused with the reason; weeks read as people write them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, apiAs, expectNoAxeViolations, launch, newPage, settled, signIn, weekFromNow } from './lib.mjs';

const KIRKELUND = '975280640'; // laerer1's school
const STAMP = Date.now();

let browser;
let teacher;
let provider;
let offer;
before(async () => {
  browser = await launch();
  teacher = await apiAs('laerer1');
  provider = await apiAs('kraft');
  const found = await (await teacher.ctx.get('/api/v1/offers?q=vannkraftverket')).json();
  offer = found.items[0];
  assert.ok(offer, "kraft's offer is in the catalogue");
});
after(async () => {
  await teacher?.ctx.dispose();
  await provider?.ctx.dispose();
  await browser?.close();
});

/** "YYYY-MM-DDTHH:MM", `days` from now at `hour`. */
function at(days, hour) {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

describe('what a person may do is what the page offers', () => {
  test('a future booking is cancelled after a confirmation, and cannot be marked as held', async () => {
    const slot = await provider.send(`/api/v1/offers/${offer.id}/slots`, { starts_at: at(75, 9), ends_at: at(75, 11), capacity: 1 });
    const request = await teacher.send('/api/v1/requests', {
      offer_id: offer.id,
      school: KIRKELUND,
      grade: offer.grades.min,
      pupils: Math.min(20, offer.capacity),
      slot_id: slot.id,
      message: `E2E: trekkes (${STAMP})`,
    });
    await provider.send(`/api/v1/requests/${request.id}/accept`, { slot_id: slot.id }, 200);

    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/foresporsel/${request.id}`);
    await settled(page);
    assert.equal(await page.getByRole('button', { name: 'Merk som gjennomført' }).count(), 0, 'not held yet');
    assert.equal(await page.getByRole('button', { name: 'Merk som ikke gjennomført' }).count(), 0);
    const cancel = page.locator('form.move-form', { has: page.locator('button[data-move="cancel"]') });
    await cancel.getByLabel('Begrunnelse').fill('Klassen er på tur den dagen.');
    await cancel.getByRole('button', { name: 'Avlys' }).click();
    // Asked first, with what happens; "no" keeps the booking.
    await page.getByText(`Vil du avlyse avtalen om «${offer.title}»?`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'a booking asking before it is cancelled');
    await cancel.getByRole('button', { name: 'Nei, behold' }).click();
    await settled(page);
    assert.equal((await (await teacher.ctx.get(`/api/v1/requests/${request.id}`)).json()).state, 'accepted');
    await cancel.getByRole('button', { name: 'Avlys' }).click();
    await cancel.getByRole('button', { name: 'Ja, avlys' }).click();
    await page.locator('.tags, main').getByText('Avlyst').first().waitFor();
    assert.equal((await (await teacher.ctx.get(`/api/v1/requests/${request.id}`)).json()).state, 'cancelled');
    await page.context().close();
  });

  test('more pupils than the offer takes are refused with the reason, at the field', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/tilbud/${offer.id}`);
    await settled(page);
    const pupils = page.getByLabel('Antall elever');
    assert.match(await page.getByText(`Høyst ${offer.capacity} elever om gangen`, { exact: false }).innerText(), /én forespørsel per klasse/);
    await pupils.fill(String(offer.capacity + 1));
    await page.getByRole('button', { name: 'Send forespørsel' }).click();
    await page.getByText(`Tilbudet tar høyst ${offer.capacity} elever om gangen. Send én forespørsel per klasse.`).first().waitFor();
    await page.context().close();
  });

  test('weeks read as people write them', async () => {
    const first = weekFromNow(70);
    const weeks = [0, 7, 14].map((d) => weekFromNow(70 + d));
    const open = await teacher.send('/api/v1/open-requests', {
      school: KIRKELUND,
      grade: 9,
      pupils: 15,
      subjects: ['physics'],
      formats: [],
      digital_ok: true,
      weeks,
      note: `E2E: uker (${STAMP})`,
    });
    try {
      const page = await newPage(browser);
      await signIn(page, 'laerer1');
      await page.goto(`${BASE}/min-side/laerer`);
      await settled(page);
      const [year, w] = first.split('-W');
      const from = Number(w);
      const to = Number(weeks[2].split('-W')[1]);
      const expected = to > from ? `uke ${from}–${to} ${year}` : null; // a list across new year reads otherwise
      const text = await page.locator('main').innerText();
      assert.ok(!/\d{4}-W\d{2}/.test(text), 'no ISO week on the page');
      if (expected) assert.ok(text.includes(expected), `"${expected}" on the page`);
      await page.context().close();
    } finally {
      await teacher.send(`/api/v1/open-requests/${open.id}/withdraw`, undefined, null);
    }
  });
});

describe('finding offers near the school', () => {
  test('cards say where, how far from the school, and when the offer is next free', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/tilbud?near=${KIRKELUND}`);
    await settled(page);
    const facts = await page.locator('.offer-card .card-facts').allInnerTexts();
    assert.ok(facts.length > 0, 'offers near the school');
    const km = facts.map((f) => /([\d\s\u00a0\u202f,]+) km fra skolen/.exec(f)?.[1]).filter(Boolean).map((v) => Number(v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')));
    assert.ok(km.length > 0, `distances on the cards: ${facts.join(' | ')}`);
    assert.deepEqual(km, [...km].sort((a, b) => a - b), 'nearest first');
    assert.ok(facts.some((f) => /Neste ledige: \d+\. \p{L}+ \d{4}/u.test(f)), `a next free date: ${facts.join(' | ')}`);
    await expectNoAxeViolations(page, 'the catalogue near a school');

    // Nothing found: the page suggests an open request.
    await page.goto(`${BASE}/tilbud?q=${encodeURIComponent('kvanteteleportasjon for barnehager')}`);
    await settled(page);
    await page.getByRole('heading', { name: 'Fant du ikke det du lette etter?' }).waitFor();
    await page.getByRole('link', { name: 'Legg ut en åpen forespørsel' }).click();
    await page.waitForURL(/\/apne-foresporsler\/ny$/);
    await page.context().close();
  });
});

describe('unknown things and small screens', () => {
  test('unknown offers, providers, areas, indicators, requests and pages are a proper "not found" page', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    for (const path of ['/tilbud/finnes-ikke', '/tilbyder/org:999999999', '/kommune/9999', '/fylke/99', '/monitor/finnes_ikke', '/foresporsel/finnes-ikke', '/helt/ukjent']) {
      await page.goto(`${BASE}${path}`);
      await settled(page);
      assert.equal(await page.locator('h1').innerText(), 'Fant ikke siden', path);
      assert.equal(await page.locator('.ds-alert[data-color="danger"]').count(), 0, `${path}: no error box`);
    }
    await expectNoAxeViolations(page, 'not found');
    await page.context().close();
  });

  test('on a 360 px phone tables become cards and nothing scrolls sideways', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await page.goto(`${BASE}/fylke/31`);
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('.table-scroll')].map((t) => ({ wide: t.scrollWidth - t.clientWidth, display: getComputedStyle(t.querySelector('tr') ?? t).display })),
    );
    assert.ok(tables.length > 0, 'the county page has tables');
    for (const t of tables) {
      assert.ok(t.wide <= 1, `a table scrolls sideways by ${t.wide}px`);
      assert.equal(t.display, 'block', 'rows are cards');
    }
    const label = await page.evaluate(() => {
      const td = document.querySelector('.table-scroll tbody td[data-label]');
      return td ? getComputedStyle(td, '::before').content : null;
    });
    assert.ok(label && label !== 'none', `a cell says its column (${label})`);
    await expectNoAxeViolations(page, 'county page on a phone');
    await page.context().close();
  });
});

describe('the gaps on the map', () => {
  test("the coordinator's region opens on the map's cold spots, with every gap layer to choose", async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/min-side/koordinator`);
    await settled(page);
    await page.getByRole('link', { name: 'Se regionen på kartet' }).click();
    await page.waitForURL(/\/kart\?/);
    await settled(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('fylke'), '31');
    const select = page.getByTestId('map-indicator');
    assert.equal(await select.inputValue(), 'cold_spots');
    const layers = await select.locator('optgroup').last().locator('option').evaluateAll((os) => os.map((o) => o.value));
    for (const layer of ['cold_spots', 'offers_in_reach', 'schools_engaged', 'bookings_per_1000_pupils']) {
      assert.ok(layers.includes(layer), `${layer} among ${layers.join(', ')}`);
    }
    await expectNoAxeViolations(page, 'the map on cold spots');
    await page.context().close();
  });
});
