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
};
