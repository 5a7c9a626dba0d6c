import type { matching as source } from '../../nb/codes/matching';

// English: the texts of the `matching.*` problem codes (api/openapi.yaml), by the part after
// "matching."; {{name}} is a value of the problem's `params`.

export const matching: Record<keyof typeof source, string> = {
  round_not_found: 'We cannot find this matching round, or you have no access to it.',
  coordinators_only: "Only the county's coordinators (or an admin) can run rounds here. A national round is run by an admin.",
  round_accepted: 'The round is already accepted. Start a new round for what is left.',
  round_not_solved: 'Run the matching first; then you can accept the proposal.',
  request_no_longer_open: 'One of the open requests is no longer open. Run the matching again.',
  slot_filled: 'One of the times has filled up. Run the matching again.',
  region_invalid: 'Choose a county, or the whole country.',
  county_not_found: 'There is no county numbered {{region}}.',
  period_reversed: 'The period must end on or after the day it starts.',
  period_ended: 'The period is already over.',
  level_invalid: 'Choose municipality or county.',
  period_invalid: 'Choose a year from {{min}} to {{max}}.',
};
