import type { auth as source } from '../../nb/codes/auth';

// English: the texts of the `auth.*` problem codes (api/openapi.yaml), by the part after
// "auth."; {{name}} is a value of the problem's `params`.

export const auth: Record<keyof typeof source, string> = {
  session_expired: 'Your session has ended. Please sign in again.',
  account_gone: 'The account no longer exists.',
  csrf: 'This page is too old to save changes. Reload the page and try again.',
  wrong_password: 'The e-mail address or the password is wrong.',
  too_many_attempts: 'Too many failed sign-ins. Try again in {{retry_after}} seconds.',
  too_many_signups: 'Too many new accounts from your address. Try again in {{retry_after}} seconds.',
  too_many_resets: 'You have asked for a new password too many times. Try again in {{retry_after}} seconds.',
  reset_code_invalid: 'The code is wrong, used already or more than an hour old. Ask for a new code.',
};
