// Bokmål: the texts of the `matching.*` problem codes (api/openapi.yaml), by the part after
// "matching."; {{name}} is a value of the problem's `params`.

export const matching = {
  round_not_found: 'Vi finner ikke denne matcherunden, eller du har ikke tilgang til den.',
  coordinators_only: 'Bare koordinatorer for fylket (eller en administrator) kan kjøre runder her. En nasjonal runde kjøres av en administrator.',
  round_accepted: 'Runden er allerede godkjent. Start en ny runde for det som gjenstår.',
  round_not_solved: 'Kjør matchingen først, så kan du godkjenne forslaget.',
  request_no_longer_open: 'En av de åpne forespørslene er ikke åpen lenger. Kjør matchingen på nytt.',
  slot_filled: 'Et av tidspunktene er blitt fullt. Kjør matchingen på nytt.',
  region_invalid: 'Velg et fylke, eller hele landet.',
  county_not_found: 'Det finnes ikke noe fylke med nummer {{region}}.',
  period_reversed: 'Perioden må slutte samme dag som den begynner eller senere.',
  period_ended: 'Perioden er allerede over.',
  level_invalid: 'Velg kommune eller fylke.',
  period_invalid: 'Velg et år fra {{min}} til {{max}}.',
};
