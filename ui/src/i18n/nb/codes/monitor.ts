// Bokmål: the texts of the `monitor.*` problem codes (api/openapi.yaml), by the part after
// "monitor."; {{name}} is a value of the problem's `params`.

export const monitor = {
  indicator_not_found: 'Vi finner ikke indikatoren «{{id}}».',
  area_not_found: 'Vi finner ikke området {{code}}.',
  profile_area_invalid: 'En områdeprofil gjelder en kommune eller et fylke.',
  jsonstat_empty: 'Lim inn eller last opp et JSON-stat-dokument.',
  area_invalid: '«{{area}}» er ikke en gyldig kode for land, fylke, kommune eller skole.',
  area_level_mismatch: 'Området {{area}} hører ikke til det nivået du har valgt.',
  breakdown_unknown: 'Indikatoren kan ikke deles opp slik.',
  parameter_empty: 'Velg en verdi.',
  target_not_found: 'Vi finner ikke målet.',
  target_ended: 'Målet er allerede endret eller avsluttet. Last siden på nytt og endre det gjeldende målet.',
  targets_coordinators_only: 'Bare koordinatorer for fylket (eller administratorer) kan sette mål her.',
  target_neutral: 'Denne indikatoren tar ikke mål: verken høyere eller lavere er bedre.',
  target_area_invalid: 'Velg et fylke eller en kommune slik de er i dag.',
  target_level_missing: 'Indikatoren har ikke tall på dette nivået.',
  target_year_invalid: 'Velg et år fra 2000 til 2100.',
  target_reason_missing: 'Skriv hvorfor: vedtaket eller planen målet kommer fra.',
};
