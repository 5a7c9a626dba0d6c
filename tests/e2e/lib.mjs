// Shared helpers for the browser tests: Debian's chromium through playwright-core, axe-core.
import { afterEach } from 'node:test';
import { chromium, request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.STEMNET_URL ?? 'http://127.0.0.1:8091';
export const PASSWORD = 'demo-passord-2026';
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = process.env.SCREENSHOT_DIR ?? join(REPO, 'docs', 'screenshots');

// Without the background-networking flags chromium keeps trying to reach Google on this closed
// network. SwiftShader gives MapLibre a software WebGL with --disable-gpu.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/**
 * Every Content-Security-Policy violation of any page of the test that is running: the server
 * sends the policy on every answer, and whatever it blocks (an inline script or style, an
 * image, a worker, a fetch) would be broken for real users. A test with any fails, below.
 */
const cspViolations = [];

afterEach(() => {
  const seen = cspViolations.splice(0);
  assert.deepEqual(seen, [], `Content-Security-Policy violations:\n${seen.join('\n')}`);
});

/** A fresh context (own cookies) with a Norwegian locale and a desktop viewport. */
export async function newPage(browser, { width = 1280, height = 900, locale = 'nb-NO' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Europe/Oslo' });
  // The page's own report of each violation (the event), and chromium's console line for it
  // (which also covers what a worker is refused).
  await context.exposeBinding('__stemnetCspViolation', ({ page: p }, v) => {
    cspViolations.push(`${p.url()}: ${v.directive} refused ${v.blocked} (${v.source}:${v.line})`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__stemnetCspViolation?.({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI || 'inline',
        source: e.sourceFile,
        line: e.lineNumber,
      });
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: console: ${m.text()}`);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.errors = errors;
  return page;
}

export async function signIn(page, who) {
  const email = who.includes('@') ? who : `${who}@demo.stemnet.invalid`;
  await page.goto(`${BASE}/logg-inn`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).last().click();
  await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules: no violations allowed. */
export async function expectNoAxeViolations(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  assert.equal(result.violations.length, 0, `axe on ${label}:\n${summary.join('\n')}`);
}

/** A PNG for the README: the whole page, cut at 2 000 px so that long lists stay readable. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  const clip = fullPage ? { x: 0, y: 0, width, height: Math.min(height, 2000) } : undefined;
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage, clip });
}

/** Waits until no spinner ("Laster …") is left on the page. */
export async function settled(page) {
  // A client-side navigation starts its requests a moment after the URL changes.
  await page.waitForTimeout(300);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 20_000 });
}

/** Presses Tab until the focused element matches, like a keyboard user would; fails after `max` presses. */
export async function tabTo(page, describeIt, matches, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate(matches);
    if (ok) return;
  }
  assert.fail(`Tab never reached ${describeIt}`);
}

/** A test (for tabTo) that the focused element's text, value, name or label matches `re`, given as source ("/Trinn/"). */
export const focusedText = (re) => new Function(`const a = document.activeElement; return !!a && a !== document.body && ${re}.test((a.innerText || a.value || a.getAttribute('aria-label') || '') + ' ' + (a.labels?.[0]?.innerText ?? ''));`);

/** An API client signed in as a demo person (or as a new one, with `signup`); `send` POSTs with the CSRF header. */
export async function apiAs(who, signup) {
  const ctx = await request.newContext({ baseURL: BASE });
  const res = signup
    ? await ctx.post('/api/v1/auth/signup', { data: signup })
    : await ctx.post('/api/v1/auth/login', { data: { email: `${who}@demo.stemnet.invalid`, password: PASSWORD } });
  assert.ok(res.ok(), `${who}: ${await res.text()}`);
  const { csrf_token: csrf } = await res.json();
  /** POSTs `data`; expects `status`, or any 2xx when it is null. */
  const send = async (path, data, status = 201) => {
    const r = await ctx.post(path, { data, headers: { 'X-CSRF-Token': csrf } });
    if (status === null) assert.ok(r.ok(), `${path}: ${r.status()} ${await r.text()}`);
    else assert.equal(r.status(), status, `${path}: ${await r.text()}`);
    return r.status() === 204 ? null : r.json();
  };
  return { ctx, send };
}

/** The ISO week `days` from now: "2027-W12". */
export function weekFromNow(days) {
  const t = new Date(Date.now() + days * 86_400_000);
  const d = new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));
  const wd = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - wd);
  const y = d.getUTCFullYear();
  return `${y}-W${String(Math.ceil(((d - Date.UTC(y, 0, 1)) / 86_400_000 + 1) / 7)).padStart(2, '0')}`;
}


/** Waits for `text` on the page; on a timeout the error names what the page shows instead (alerts, fields' messages). */
export async function waitForText(page, text, { exact = false } = {}) {
  try {
    await page.getByText(text, { exact }).first().waitFor();
  } catch (e) {
    const shown = await page.locator('[role=alert], .ds-validation-message, .ds-alert').allInnerTexts().catch(() => []);
    const invalid = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid=true]')].map((el) => `${el.labels?.[0]?.innerText ?? el.name}=${el.value}`)).catch(() => []);
    const main = await page.locator('main').innerText({ timeout: 1000 }).catch(() => '');
    throw new Error(
      `"${text}" did not appear at ${page.url()}; the page shows: ${[...shown, ...invalid].join(' | ') || '(nothing)'} ` +
        `(${e.message.split('\n')[0]}); its main reads: ${main.replace(/\s+/g, ' ').slice(0, 400)}`,
    );
  }
}
