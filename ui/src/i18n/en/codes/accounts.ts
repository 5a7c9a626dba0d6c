import type { accounts as source } from '../../nb/codes/accounts';

// English: the texts of the `accounts.*` problem codes (api/openapi.yaml), by the part after
// "accounts."; {{name}} is a value of the problem's `params`.

export const accounts: Record<keyof typeof source, string> = {
  email_taken: 'An account with this e-mail address exists already. Sign in or ask for a new password.',
  not_found: 'No account has the e-mail address {{email}}. Ask the person to sign up first.',
  email_invalid: 'This is not a valid e-mail address.',
  weak_password: 'The password needs at least {{min}} characters.',
  password_too_long: 'The password is too long (at most {{max}} bytes).',
  name_invalid: 'The name needs 1 to {{max}} characters.',
  language_invalid: 'Choose bokmål, nynorsk or English.',
};
