// Bokmål: the texts of the `accounts.*` problem codes (api/openapi.yaml), by the part after
// "accounts."; {{name}} is a value of the problem's `params`.

export const accounts = {
  email_taken: 'Det finnes allerede en konto med denne e-postadressen. Logg inn eller be om nytt passord.',
  not_found: 'Ingen konto har e-postadressen {{email}}. Be personen om å opprette en konto først.',
  email_invalid: 'Dette er ikke en gyldig e-postadresse.',
  weak_password: 'Passordet må ha minst {{min}} tegn.',
  password_too_long: 'Passordet er for langt (høyst {{max}} byte).',
  name_invalid: 'Navnet må ha fra 1 til {{max}} tegn.',
  language_invalid: 'Velg bokmål, nynorsk eller engelsk.',
};
