// The API reference at /api/docs: Swagger UI, built with the front-end and served by stemnet
// from its own origin, renders the document the server checks requests against, runs a
// request for real, and passes axe (WCAG 2.1 A/AA) and the Content-Security-Policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, expectNoAxeViolations, launch, newPage, signIn } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('the API reference', () => {
  test('renders every operation of the document, from our own origin', async () => {
    const page = await newPage(browser);
    const foreign = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${BASE}/api/docs`);
    await page.locator('.opblock-tag').first().waitFor();
    const doc = await (await page.request.get(`${BASE}/api/v1/openapi.json`)).json();
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((k) => k !== 'parameters'));
    for (const tag of await page.locator('.opblock-tag').all()) await tag.click();
    await assert.doesNotReject(page.locator('.opblock').nth(operations.length - 1).waitFor());
    assert.equal(await page.locator('.opblock').count(), operations.length);
    assert.deepEqual(foreign, [], 'no request leaves the server (no CDN, no online validator)');
    assert.deepEqual(page.errors, []);
  });

  test('"Try it out" runs a request as the signed-in person, with the CSRF token', async () => {
    const page = await newPage(browser);
    await signIn(page, 'laerer1');
    await page.goto(`${BASE}/api/docs`);
    await page.locator('.opblock-tag', { hasText: 'accounts' }).first().click();
    const me = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/me$/ }) }).first();
    await me.locator('.opblock-summary-control').click();
    await me.getByRole('button', { name: 'Try it out' }).click();
    await me.getByRole('button', { name: 'Execute' }).click();
    const status = me.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    assert.equal((await status.innerText()).trim(), '200');
    assert.match(await me.locator('.live-responses-table tr.response pre').first().innerText(), /laerer1@demo/);
    await expectNoAxeViolations(page, '/api/docs with an operation open and its answer');

    // A change: signing out needs the X-CSRF-Token header, which the page adds from the cookie.
    const out = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/auth\/logout$/ }) }).first();
    await out.locator('.opblock-summary-control').click();
    await out.getByRole('button', { name: 'Try it out' }).click();
    await out.getByRole('button', { name: 'Execute' }).click();
    const outStatus = out.locator('.live-responses-table tr.response .response-col_status').first();
    await outStatus.waitFor();
    assert.equal((await outStatus.innerText()).trim(), '204');
    const after = await page.request.get(`${BASE}/api/v1/me`);
    assert.equal(after.status(), 401, 'signed out for real');
    assert.deepEqual(page.errors, []);
  });
});
