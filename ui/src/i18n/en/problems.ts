import type { Messages } from '../nb';
import { auth } from './codes/auth';
import { accounts } from './codes/accounts';
import { notify } from './codes/notify';
import { booking } from './codes/booking';
import { organisations } from './codes/organisations';

// What the server refused and why, by the problem's stable code (api/openapi.yaml).

export const problems: Pick<Messages, 'problem'> = {
  problem: {
    booking,
    auth,
    accounts,
    notify,
    organisations,
    validation_failed: 'Some details need correcting:',
    fault_line: '“{{field}}”: {{text}}',
    the_request: 'the request',
    type: {
      integer: 'a whole number',
      number: 'a number',
      string: 'text',
      boolean: 'yes or no',
      array: 'a list',
      object: 'a set of fields',
      value: 'another kind of value',
    },
    validation: {
      wrong_type: 'Must be {{expected}}.',
      missing: 'Is required.',
      unknown_member: 'This field is not taken here.',
      unknown_parameter: 'Unknown parameter.',
      repeated_parameter: 'Is given twice.',
      unnamed_parameter: 'A parameter has no name.',
      too_long: 'At most {{max}} characters.',
      too_short: 'At least {{min}} characters.',
      too_many_items: 'At most {{max}} choices.',
      too_few_items: 'At least {{min}} choices.',
      out_of_range: 'Must be from {{min}} to {{max}}.',
      out_of_range_min: 'Must be at least {{min}}.',
      out_of_range_max: 'Must be at most {{max}}.',
      not_allowed: 'Is not one of the choices.',
      bad_format: 'Is not in the right form.',
      nul_character: 'Contains a character that cannot be stored.',
      malformed_json: 'The request could not be read.',
      invalid: 'Is not valid.',
    },
  },
};
