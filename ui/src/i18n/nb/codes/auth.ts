// Bokmål: the texts of the `auth.*` problem codes (api/openapi.yaml), by the part after
// "auth."; {{name}} is a value of the problem's `params`.

export const auth = {
  session_expired: 'Økten din er utløpt. Logg inn på nytt.',
  account_gone: 'Kontoen finnes ikke lenger.',
  csrf: 'Siden er for gammel til å lagre endringer. Last inn siden på nytt og prøv igjen.',
  wrong_password: 'E-postadressen eller passordet er feil.',
  too_many_attempts: 'For mange mislykkede innlogginger. Prøv igjen om {{retry_after}} sekunder.',
  too_many_signups: 'For mange nye kontoer fra adressen din. Prøv igjen om {{retry_after}} sekunder.',
  too_many_resets: 'Du har bedt om nytt passord for mange ganger. Prøv igjen om {{retry_after}} sekunder.',
  reset_code_invalid: 'Koden er feil, allerede brukt eller eldre enn én time. Be om en ny kode.',
};
