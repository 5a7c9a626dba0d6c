import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from '../api/client';
import { faultField, problemMessage } from '../api/problems';
import { fieldError, isFormError } from '../components/forms';
import type { Problem } from '../api/types';

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
});
