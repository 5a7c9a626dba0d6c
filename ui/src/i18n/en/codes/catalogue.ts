import type { catalogue as source } from '../../nb/codes/catalogue';

// English: the texts of the `catalogue.*` problem codes (api/openapi.yaml), by the part after
// "catalogue."; {{name}} is a value of the problem's `params`.

export const catalogue: Record<keyof typeof source, string> = {
  offer_not_found: 'We cannot find this offer. It may be archived or not published yet.',
  provider_not_found: 'We cannot find this provider.',
  members_only: "Only the provider's members can add and change its offers.",
  provider_not_approved: 'The provider is not approved yet. Its offers show once a coordinator has approved it.',
  school_not_found: 'We cannot find a school with organisation number {{school}}.',
  municipality_not_found: 'We cannot find a municipality numbered {{municipality}}.',
  title_length: 'The title must have {{min}} to {{max}} characters.',
  description_length: 'The description must have {{min}} to {{max}} characters.',
  unknown_format: 'Choose one of the kinds of offer in the list.',
  subjects_required: 'Choose at least one subject.',
  unknown_subject: 'We do not know this subject.',
  grades_invalid: 'Grades run from {{min}} to {{max}}, and the first cannot be above the last.',
  languages_required: 'Choose at least one language.',
  capacity_out_of_range: 'The number of pupils must be from {{min}} to {{max}}.',
  municipality_required: 'An offer that is not digital needs a municipality.',
  municipality_unknown: 'There is no municipality {{municipality}} in the registry.',
  materials_too_many: 'The materials list can have at most {{max}} items.',
  material_length: 'Each item of the materials list must have {{min}} to {{max}} characters.',
  preparation_out_of_range: 'The preparation time must be from {{min}} to {{max}} minutes.',
  curriculum_too_many: 'An offer can refer to at most {{max}} curricula.',
  curriculum_code_invalid: '“{{code}}” is not an LK20 curriculum code such as NAT01-04.',
  travel_radius_out_of_range: 'The travel distance must be from {{min}} to {{max}} km.',
  duration_out_of_range: 'The duration must be from {{min}} to {{max}} minutes.',
  cost_negative: 'The price cannot be negative.',
  slot_ends_before_start: 'The time must end after it starts.',
  slot_capacity_out_of_range: 'A time can take {{min}} to {{max}} classes.',
  grade_out_of_range: 'Choose a grade from {{min}} to {{max}}.',
  municipality_invalid: 'A municipality number has four digits.',
  county_invalid: 'A county number has two digits.',
  near_invalid: "This is not a valid school's organisation number.",
  digital_invalid: 'Choose yes or no for digital offers.',
  cursor_invalid: 'The link to the next page is no longer valid. Start the search again.',
};
