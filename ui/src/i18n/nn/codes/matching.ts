import type { matching as source } from '../../nb/codes/matching';

// Nynorsk: the texts of the `matching.*` problem codes (api/openapi.yaml), by the part after
// "matching."; {{name}} is a value of the problem's `params`.

export const matching: Record<keyof typeof source, string> = {
  round_not_found: 'Vi finn ikkje denne matcherunden, eller du har ikkje tilgang til han.',
  coordinators_only: 'Berre koordinatorar for fylket (eller ein administrator) kan køyre rundar her. Ein nasjonal runde blir køyrd av ein administrator.',
  round_accepted: 'Runden er alt godkjend. Start ein ny runde for det som står att.',
  round_not_solved: 'Køyr matchinga først, så kan du godkjenne forslaget.',
  request_no_longer_open: 'Ein av dei opne førespurnadene er ikkje open lenger. Køyr matchinga på nytt.',
  slot_filled: 'Eitt av tidspunkta har vorte fullt. Køyr matchinga på nytt.',
  region_invalid: 'Vel eit fylke, eller heile landet.',
  county_not_found: 'Det finst ikkje noko fylke med nummer {{region}}.',
  period_reversed: 'Perioden må slutte same dag som han byrjar eller seinare.',
  period_ended: 'Perioden er alt over.',
  level_invalid: 'Vel kommune eller fylke.',
  period_invalid: 'Vel eit år frå {{min}} til {{max}}.',
};
