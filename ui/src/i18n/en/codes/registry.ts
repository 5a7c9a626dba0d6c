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
};
