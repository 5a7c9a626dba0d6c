import type { monitor as source } from '../../nb/codes/monitor';

// English: the texts of the `monitor.*` problem codes (api/openapi.yaml), by the part after
// "monitor."; {{name}} is a value of the problem's `params`.

export const monitor: Record<keyof typeof source, string> = {
  indicator_not_found: 'We cannot find the indicator “{{id}}”.',
  area_not_found: 'We cannot find the area {{code}}.',
  profile_area_invalid: 'An area profile is for a municipality or a county.',
  jsonstat_empty: 'Paste or upload a JSON-stat document.',
  area_invalid: '“{{area}}” is not a valid code for a country, county, municipality or school.',
  area_level_mismatch: 'The area {{area}} is not at the level you chose.',
  breakdown_unknown: 'The indicator cannot be broken down like this.',
  parameter_empty: 'Choose a value.',
};
