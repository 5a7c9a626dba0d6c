// Bokmål: the texts of the `media.*` problem codes (api/openapi.yaml), by the part after
// "media."; {{name}} is a value of the problem's `params`.

export const media = {
  empty: 'Filen er tom.',
  too_large: 'Filen er for stor. Den kan være på høyst 10 MB.',
  type_not_allowed: 'Denne filtypen kan ikke lastes opp. Bruk PDF, JPEG, PNG eller WebP.',
  too_many: 'Det er allerede {{max}} filer av denne typen. Fjern en først.',
  image_unreadable: 'Bildet kan ikke leses. Prøv å lagre det på nytt som JPEG eller PNG.',
  image_too_large: 'Bildet har for mange piksler. Gjør det mindre og prøv igjen.',
  file_not_found: 'Vi finner ikke denne filen. Den kan være fjernet.',
  name_invalid: 'Filnavnet må ha fra 1 til {{max}} tegn, uten skråstrek.',
  role_invalid: 'Ukjent filtype for tilbudet.',
};
