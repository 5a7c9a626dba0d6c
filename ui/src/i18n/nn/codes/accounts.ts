import type { accounts as source } from '../../nb/codes/accounts';

// Nynorsk: the texts of the `accounts.*` problem codes (api/openapi.yaml), by the part after
// "accounts."; {{name}} is a value of the problem's `params`.

export const accounts: Record<keyof typeof source, string> = {
  email_taken: 'Det finst alt ein konto med denne e-postadressa. Logg inn eller be om nytt passord.',
  not_found: 'Ingen konto har e-postadressa {{email}}. Be personen om å opprette ein konto først.',
  email_invalid: 'Dette er ikkje ei gyldig e-postadresse.',
  weak_password: 'Passordet må ha minst {{min}} teikn.',
  password_too_long: 'Passordet er for langt (høgst {{max}} byte).',
  name_invalid: 'Namnet må ha frå 1 til {{max}} teikn.',
  language_invalid: 'Vel bokmål, nynorsk eller engelsk.',
};
