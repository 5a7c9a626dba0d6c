import type { registry as source } from '../../nb/codes/registry';

// English: the texts of the `registry.*` problem codes (api/openapi.yaml), by the part after
// "registry."; {{name}} is a value of the problem's `params`.

export const registry: Record<keyof typeof source, string> = {
  municipality_not_found: 'No municipality has the number {{number}}.',
  school_not_found: 'No school has the organisation number {{orgnr}}.',
  boundaries_unknown: 'There are boundaries only for counties and municipalities.',
  boundaries_missing: 'The boundaries have not been loaded yet.',
  municipality_number_invalid: 'A municipality number has four digits, such as 0301.',
  orgnr_invalid: 'This is not a valid organisation number (9 digits).',
  county_not_found: 'No county has had the number {{number}} since 2017.',
  county_number_invalid: 'A county number has two digits, such as 03.',
  pseudo_area: '{{number}} is SSB’s code for “unknown”, not an area.',
  not_valid_on: 'The number {{number}} was not in use on {{on}}.',
  before_history: 'The area history starts on {{start}}.',
};
