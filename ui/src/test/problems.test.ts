import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../api/client';
import { faultField, faultText, kindCode, problemMessage } from '../api/problems';
import { fieldError, isFormError } from '../components/forms';
import { PROBLEM_CODES, type Problem, type ProblemCode } from '../api/types';

/** An answer with this status and problem document. */
const answer = (status: number, problem: Partial<Problem> | null) =>
  // Cast: a problem from elsewhere (a proxy, an older server) may lack what ours always have.
  new ApiError(status, problem && ({ type: 'https://stemnet.no/problems/x', title: 'X', status, detail: 'An English detail the reader must never see', ...problem } as Problem), 'Not OK');
const ENGLISH = /English detail|must|whole number|expected|Not OK/;

// A real answer of POST /api/v1/requests (tests/api/contract_api_test.cpp): English details,
// stable codes.
const refused: Problem = {
  type: 'https://stemnet.no/problems/invalid-parameter',
  title: 'Invalid request',
  status: 400,
  detail: '/pupils must be from 1 to 1000; /grade must be a whole number',
  param: 'pupils',
  code: 'validation.failed',
  params: { count: 3 },
  errors: [
    { pointer: '/pupils', code: 'validation.out_of_range', params: { min: 1, max: 1000 }, detail: '/pupils must be from 1 to 1000' },
    { pointer: '/grade', code: 'validation.wrong_type', params: { expected: 'integer' }, detail: '/grade must be a whole number' },
    { pointer: '/weeks/0', code: 'validation.bad_format', detail: '/weeks/0 is not in the expected form' },
  ],
};
const error = new ApiError(400, refused, 'Bad Request');

describe('problems by code', () => {
  afterAll(() => i18n.changeLanguage('nb'));

  it('names a fault as forms name their fields', () => {
    expect(faultField({ pointer: '/kit/items/0', code: 'validation.too_long', detail: '' })).toBe('kit.items[0]');
    expect(faultField({ parameter: 'limit', code: 'validation.wrong_type', detail: '' })).toBe('limit');
  });

  it('shows each field its own fault in bokmål and nynorsk, never the English detail', async () => {
    await i18n.changeLanguage('nb');
    expect(fieldError(error, 'pupils')).toBe('Må være fra 1 til 1000.');
    expect(fieldError(error, 'grade')).toBe('Må være et heltall.');
    expect(fieldError(error, 'weeks')).toBe('Har ikke riktig form.');
    expect(fieldError(error, 'note')).toBeUndefined();
    expect(isFormError(error, ['pupils', 'grade', 'weeks'])).toBe(false);
    expect(isFormError(error, ['pupils'])).toBe(true);
    const nb = problemMessage(error);
    expect(nb).toContain('Noen opplysninger må rettes');
    expect(nb).not.toMatch(/must|whole number|expected/);
    await i18n.changeLanguage('nn');
    expect(fieldError(error, 'grade')).toBe('Må vere eit heiltal.');
    expect(problemMessage(error)).not.toMatch(/must|whole number|expected/);
    await i18n.changeLanguage('en');
    expect(fieldError(error, 'pupils')).toBe('Must be from 1 to 1000.');
  });

  it('a problem is shown by its code, with its params', async () => {
    await i18n.changeLanguage('nb');
    expect(problemMessage(answer(403, { code: 'auth.forbidden' }))).toBe('Du har ikke tilgang til dette.');
    i18n.addResource('nb', 'translation', 'problem.test.full', 'Alle {{capacity}} plassene er tatt.');
    expect(problemMessage(answer(409, { code: 'test.full' as ProblemCode, params: { capacity: 2 } }))).toBe('Alle 2 plassene er tatt.');
    await i18n.changeLanguage('nn');
    expect(problemMessage(answer(503, { code: 'server.unavailable' }))).toBe('Tenesta er ikkje tilgjengeleg akkurat no. Prøv igjen om litt.');
  });

  it('every generic code of the document has a text in every language, found by the HTTP status', async () => {
    for (const lang of ['nb', 'nn', 'en']) {
      await i18n.changeLanguage(lang);
      for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503]) {
        const code = kindCode(status);
        expect(PROBLEM_CODES).toContain(code);
        const text = problemMessage(answer(status, { code }));
        expect(text, `${lang} ${code}`).not.toMatch(/^problem\./);
        expect(text).toBe(problemMessage(answer(status, null)));
      }
    }
  });

  it('a Norwegian page never shows the English detail, not even for a code it does not know', async () => {
    for (const lang of ['nb', 'nn']) {
      await i18n.changeLanguage(lang);
      const unknown = answer(409, { code: 'booking.not_invented_yet' as ProblemCode, params: { max: 3 }, param: 'pupils' });
      expect(problemMessage(unknown)).toBe(i18n.t('problem.request.conflict'));
      expect(problemMessage(unknown)).not.toMatch(ENGLISH);
      expect(fieldError(unknown, 'pupils')).toBe(i18n.t('problem.request.conflict'));
      // no code at all, no problem document at all, a validation problem without faults
      expect(problemMessage(answer(404, { code: undefined }))).toBe(i18n.t('problem.request.not_found'));
      expect(problemMessage(answer(500, null))).toBe(i18n.t('problem.server.internal'));
      expect(problemMessage(answer(400, { code: 'validation.failed', errors: [] }))).toBe(i18n.t('problem.request.invalid'));
      // an unknown fault code: the general fault text, not the detail
      expect(faultText({ pointer: '/x', code: 'booking.not_invented_yet' as never, detail: 'An English detail' })).toBe(i18n.t('problem.validation.invalid'));
      // no answer from the server
      expect(problemMessage(new TypeError('Failed to fetch'))).toBe(i18n.t('problem.unreachable'));
      expect(problemMessage(new Error('Something broke'))).toBe(i18n.t('problem.unexpected'));
      expect(problemMessage(new TypeError('Failed to fetch'))).not.toMatch(/fetch/);
    }
  });
});
