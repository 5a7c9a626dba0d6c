import type { registry as source } from '../../nb/codes/registry';

// Nynorsk: the texts of the `registry.*` problem codes (api/openapi.yaml), by the part after
// "registry."; {{name}} is a value of the problem's `params`.

export const registry: Record<keyof typeof source, string> = {
  municipality_not_found: 'Ingen kommune har nummeret {{number}}.',
  school_not_found: 'Ingen skule har organisasjonsnummeret {{orgnr}}.',
  boundaries_unknown: 'Det finst berre grenser for fylke og kommunar.',
  boundaries_missing: 'Grensene er ikkje lasta inn enno.',
  municipality_number_invalid: 'Eit kommunenummer har fire siffer, til dømes 0301.',
  orgnr_invalid: 'Dette er ikkje eit gyldig organisasjonsnummer (9 siffer).',
  county_not_found: 'Ingen fylke har hatt nummeret {{number}} sidan 2017.',
  county_number_invalid: 'Eit fylkesnummer har to siffer, til dømes 03.',
  pseudo_area: '{{number}} er koden SSB nyttar for «uoppgitt», ikkje eit område.',
  not_valid_on: 'Nummeret {{number}} galdt ikkje {{on}}.',
  before_history: 'Områdehistorikken byrjar {{start}}.',
};
