// Targets in the browser (issue 15, item 6): Østfold's coordinator sets a target for the county
// on an indicator's page, changes it and retires it, with why each time; the progress shows in
// the indicator's table, on the map and on the county's profile; a teacher gets no form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectNoAxeViolations, launch, newPage, screenshot, settled, signIn, waitForText } from './lib.mjs';

const INDICATOR = 'national_test_numeracy_5';
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The row of the current targets' table for Østfold, or a locator that matches nothing. */
const ostfoldRow = (page) => page.getByTestId('targets').locator('tbody tr', { hasText: 'Østfold' });

describe('targets', () => {
  test('a coordinator sets, changes and retires a target for the county, and says why', async () => {
    const page = await newPage(browser);
    await signIn(page, 'koordinator');
    await page.goto(`${BASE}/monitor/${INDICATOR}?niva=county`);
    await settled(page);
    const section = page.getByTestId('targets');
    await section.getByRole('heading', { name: 'Sett et nytt mål' }).waitFor();
    // Østfold and its municipalities, not other counties'.
    const options = await page.locator('#target-area option').allInnerTexts();
    assert.ok(options.includes('Østfold'), options.join(', '));
    assert.ok(options.some((o) => o.startsWith('Moss')), 'a municipality of Østfold is offered');
    assert.ok(!options.includes('Oslo') && !options.includes('Alle områder'), 'only her own areas');

    // Without a reason: told at the field, in bokmål, nothing saved.
    await page.locator('#target-area').selectOption('31');
    await page.getByLabel(/Verdi å nå/).fill('52');
    await page.getByLabel('Innen år').fill('2030');
    await section.getByRole('button', { name: 'Lagre målet' }).click();
    await waitForText(page, 'Skriv hvorfor: vedtaket eller planen målet kommer fra.');
    assert.equal(await ostfoldRow(page).count(), 0);

    await page.getByLabel('Hvorfor', { exact: true }).fill('Fylkets realfagsplan 2026–2030');
    await section.getByRole('button', { name: 'Lagre målet' }).click();
    await ostfoldRow(page).waitFor();
    const row = await ostfoldRow(page).innerText();
    assert.match(row, /52 innen 2030/);
    assert.match(row, /Demo koordinator Østfold/);
    assert.match(row, /Fylkets realfagsplan/);
    // Progress in the table of counties: Østfold has a tag, the counties without a target none.
    const countyRow = page.locator('table', { hasText: 'Fylke' }).locator('tbody tr', { hasText: 'Østfold' }).first();
    await countyRow.locator('[data-progress]').waitFor({ state: 'attached' }); // in the chart's table view
    await expectNoAxeViolations(page, 'indicator page with targets');
    await screenshot(page, 'targets-set');

    // The map of counties: a progress column in its table.
    await page.goto(`${BASE}/kart?indikator=${INDICATOR}&niva=fylke`);
    await settled(page);
    await page.getByText(/Vis som tabell/).first().click();
    const mapRow = page.locator('tbody tr', { hasText: 'Østfold' }).first();
    await mapRow.locator('[data-progress]').waitFor();

    // The county's profile: the target and its progress (the profile is cached for 5 s).
    let shown = false;
    for (let i = 0; i < 8 && !shown; i++) {
      await page.goto(`${BASE}/fylke/31`);
      await settled(page);
      shown = (await page.getByText('Mål: 52 innen 2030', { exact: false }).count()) > 0;
      if (!shown) await page.waitForTimeout(1000);
    }
    assert.ok(shown, "the profile shows Østfold's target");

    // Change it: a new value, and why.
    await page.goto(`${BASE}/monitor/${INDICATOR}?niva=county`);
    await settled(page);
    await ostfoldRow(page).getByRole('button', { name: 'Endre' }).click();
    await ostfoldRow(page).getByLabel(/Verdi å nå/).fill('54');
    await ostfoldRow(page).getByLabel('Hvorfor endres målet?').fill('Planen ble justert');
    await ostfoldRow(page).getByRole('button', { name: 'Lagre endringen' }).click();
    await ostfoldRow(page).getByText('54 innen 2030').waitFor();
    await section.getByText('Tidligere mål (1)').click();
    await waitForText(page, 'Endret av Demo koordinator Østfold');

    // Retire it, and why: no current target, two earlier ones.
    await ostfoldRow(page).getByRole('button', { name: 'Avslutt' }).click();
    await ostfoldRow(page).getByLabel('Hvorfor avsluttes målet?').fill('Planen ble trukket');
    await ostfoldRow(page).getByRole('button', { name: 'Avslutt målet' }).click();
    await waitForText(page, 'Ingen mål er satt for denne indikatoren.');
    await section.getByText('Tidligere mål (2)').waitFor();
    await page.context().close();
  });

  test('a teacher sees the targets but gets no form', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/monitor/${INDICATOR}`);
    await settled(page);
    await page.getByTestId('targets').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Sett et nytt mål' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Endre' }).count(), 0);
    await page.context().close();
  });
});
