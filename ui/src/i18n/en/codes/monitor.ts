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
  target_not_found: 'We cannot find the target.',
  target_ended: 'The target has been changed or retired already. Reload the page and change the current target.',
  targets_coordinators_only: "Only the county's coordinators (or admins) can set targets here.",
  target_neutral: 'This indicator takes no target: neither higher nor lower is better.',
  target_area_invalid: 'Choose a county or municipality as it is today.',
  target_level_missing: 'The indicator has no figures at this level.',
  target_year_invalid: 'Choose a year from 2000 to 2100.',
  target_reason_missing: 'Say why: the decision or plan the target comes from.',
};
