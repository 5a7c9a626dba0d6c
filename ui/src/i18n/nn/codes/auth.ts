import type { auth as source } from '../../nb/codes/auth';

// Nynorsk: the texts of the `auth.*` problem codes (api/openapi.yaml), by the part after
// "auth."; {{name}} is a value of the problem's `params`.

export const auth: Record<keyof typeof source, string> = {
  session_expired: 'Økta di har gått ut. Logg inn på nytt.',
  account_gone: 'Kontoen finst ikkje lenger.',
  csrf: 'Sida er for gammal til å lagre endringar. Last inn sida på nytt og prøv igjen.',
  wrong_password: 'E-postadressa eller passordet er feil.',
  too_many_attempts: 'For mange mislukka innloggingar. Prøv igjen om {{retry_after}} sekund.',
  too_many_signups: 'For mange nye kontoar frå adressa di. Prøv igjen om {{retry_after}} sekund.',
  too_many_resets: 'Du har bede om nytt passord for mange gonger. Prøv igjen om {{retry_after}} sekund.',
  reset_code_invalid: 'Koden er feil, allereie brukt eller eldre enn éin time. Be om ein ny kode.',
};
