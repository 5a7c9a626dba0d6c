// Nynorsk: the texts of the `media.*` problem codes (api/openapi.yaml), by the part after
// "media."; {{name}} is a value of the problem's `params`.

export const media = {
  empty: 'Fila er tom.',
  too_large: 'Fila er for stor. Ho kan vere på høgst 10 MB.',
  type_not_allowed: 'Denne filtypen kan ikkje lastast opp. Bruk PDF, JPEG, PNG eller WebP.',
  too_many: 'Det er allereie {{max}} filer av denne typen. Fjern ei først.',
  image_unreadable: 'Biletet kan ikkje lesast. Prøv å lagre det på nytt som JPEG eller PNG.',
  image_too_large: 'Biletet har for mange pikslar. Gjer det mindre og prøv igjen.',
  file_not_found: 'Vi finn ikkje denne fila. Ho kan vere fjerna.',
  name_invalid: 'Filnamnet må ha frå 1 til {{max}} teikn, utan skråstrek.',
  role_invalid: 'Ukjend filtype for tilbodet.',
};
