import type { Messages } from '../nb';
import { auth } from './codes/auth';
import { accounts } from './codes/accounts';
import { notify } from './codes/notify';
import { organisations } from './codes/organisations';
import { booking } from './codes/booking';
import { registry } from './codes/registry';
import { monitor } from './codes/monitor';
import { catalogue } from './codes/catalogue';
import { matching } from './codes/matching';
import { media } from './codes/media';

// What the server refused and why, by the problem's stable code (api/openapi.yaml).

export const problems: Pick<Messages, 'problem'> = {
  problem: {
    matching,
    catalogue,
    media,
    booking,
    registry,
    monitor,
    auth: {
      ...auth,
      required: 'You need to sign in to do this.',
      forbidden: 'You do not have access to this.',
    },
    accounts,
    notify,
    organisations,
    // every kind's own code (ProblemCode in api/openapi.yaml): the text when a problem has no
    // closer code, or one this front-end does not know yet
    request: {
      invalid: 'Something in what you sent is not right. Check the details and try again.',
      not_found: 'We cannot find what you are looking for. It may have been deleted, or the link is wrong.',
      conflict: 'This clashes with a change that has already been made. Reload the page and try again.',
      unprocessable: 'The details do not fit together and cannot be used. Check them and try again.',
      too_large: 'What you sent is too large. Make the text or the file smaller and try again.',
      unsupported_media_type: 'The service cannot read this kind of content.',
      rate_limited: 'You have done this too many times in a short while. Wait a little and try again.',
      method_not_allowed: 'This cannot be done here.',
      body_too_large: 'What you sent is too large (at most {{max}} bytes).',
      headers_too_large: 'The request headers are too large. Delete the cookies for this site and try again.',
      malformed: 'The request could not be read. Reload the page and try again.',
      not_json_object: 'The request could not be read. Reload the page and try again.',
    },
    server: {
      unavailable: 'The service is not available right now. Try again in a little while.',
      internal: 'Something went wrong on our side. Try again later.',
      busy: 'The service is busy right now. Try again in {{retry_after}} seconds.',
      not_ready: 'The service is not ready right now. Try again in a moment.',
    },
    // no answer from the server at all, or a fault in this page
    unreachable: 'Could not reach the service. Check that you are connected to the internet, and try again.',
    unexpected: 'Something went wrong. Reload the page and try again.',
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
      failed: 'Some details need correcting:',
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
