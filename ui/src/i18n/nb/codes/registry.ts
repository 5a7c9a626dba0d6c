// Bokmål: the texts of the `registry.*` problem codes (api/openapi.yaml), by the part after
// "registry."; {{name}} is a value of the problem's `params`.

export const registry = {
  municipality_not_found: 'Ingen kommune har nummeret {{number}}.',
  school_not_found: 'Ingen skole har organisasjonsnummeret {{orgnr}}.',
  boundaries_unknown: 'Det finnes bare grenser for fylker og kommuner.',
  boundaries_missing: 'Grensene er ikke lastet inn ennå.',
  municipality_number_invalid: 'Et kommunenummer har fire siffer, for eksempel 0301.',
  orgnr_invalid: 'Dette er ikke et gyldig organisasjonsnummer (9 siffer).',
  county_not_found: 'Ingen fylker har hatt nummeret {{number}} siden 2017.',
  county_number_invalid: 'Et fylkesnummer har to siffer, for eksempel 03.',
  pseudo_area: '{{number}} er SSBs kode for «uoppgitt», ikke et område.',
  not_valid_on: 'Nummeret {{number}} gjaldt ikke {{on}}.',
  before_history: 'Områdehistorikken begynner {{start}}.',
};
