// Bokmål: the texts of the `notify.*` problem codes (api/openapi.yaml), by the part after
// "notify."; {{name}} is a value of the problem's `params`.

export const notify = {
  unknown_kind: 'Det finnes ingen varseltype «{{kind}}».',
  always_on: 'Disse e-postene holder kontoen din trygg og kan ikke slås av.',
};
