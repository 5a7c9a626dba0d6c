import type { monitor as source } from '../../nb/codes/monitor';

// Nynorsk: the texts of the `monitor.*` problem codes (api/openapi.yaml), by the part after
// "monitor."; {{name}} is a value of the problem's `params`.

export const monitor: Record<keyof typeof source, string> = {
  indicator_not_found: 'Vi finn ikkje indikatoren «{{id}}».',
  area_not_found: 'Vi finn ikkje området {{code}}.',
  profile_area_invalid: 'Ein områdeprofil gjeld ein kommune eller eit fylke.',
  jsonstat_empty: 'Lim inn eller last opp eit JSON-stat-dokument.',
  area_invalid: '«{{area}}» er ikkje ein gyldig kode for land, fylke, kommune eller skule.',
  area_level_mismatch: 'Området {{area}} høyrer ikkje til det nivået du har valt.',
  breakdown_unknown: 'Indikatoren kan ikkje delast opp slik.',
  parameter_empty: 'Vel ein verdi.',
  target_not_found: 'Vi finn ikkje målet.',
  target_ended: 'Målet er allereie endra eller avslutta. Last sida på nytt og endra det gjeldande målet.',
  targets_coordinators_only: 'Berre koordinatorar for fylket (eller administratorar) kan setje mål her.',
  target_neutral: 'Denne indikatoren tek ikkje mål: verken høgare eller lågare er betre.',
  target_area_invalid: 'Vel eit fylke eller ein kommune slik dei er i dag.',
  target_level_missing: 'Indikatoren har ikkje tal på dette nivået.',
  target_year_invalid: 'Vel eit år frå 2000 til 2100.',
  target_reason_missing: 'Skriv kvifor: vedtaket eller planen målet kjem frå.',
};
