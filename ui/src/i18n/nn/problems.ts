import type { Messages } from '../nb';
import { auth } from './codes/auth';
import { accounts } from './codes/accounts';
import { notify } from './codes/notify';
import { booking } from './codes/booking';
import { organisations } from './codes/organisations';

// Nynorsk: what the server refused and why, by the problem's stable code (api/openapi.yaml).

export const problems: Pick<Messages, 'problem'> = {
  problem: {
    booking,
    auth,
    accounts,
    notify,
    organisations,
    validation_failed: 'Nokre opplysningar må rettast:',
    fault_line: '«{{field}}»: {{text}}',
    the_request: 'førespurnaden',
    type: {
      integer: 'eit heiltal',
      number: 'eit tal',
      string: 'tekst',
      boolean: 'ja eller nei',
      array: 'ei liste',
      object: 'eit sett med felt',
      value: 'ein annan type verdi',
    },
    validation: {
      wrong_type: 'Må vere {{expected}}.',
      missing: 'Må fyllast ut.',
      unknown_member: 'Dette feltet blir ikkje teke imot her.',
      unknown_parameter: 'Ukjend parameter.',
      repeated_parameter: 'Er oppgitt to gonger.',
      unnamed_parameter: 'Ein parameter manglar namn.',
      too_long: 'Kan ha høgst {{max}} teikn.',
      too_short: 'Må ha minst {{min}} teikn.',
      too_many_items: 'Kan ha høgst {{max}} val.',
      too_few_items: 'Må ha minst {{min}} val.',
      out_of_range: 'Må vere frå {{min}} til {{max}}.',
      out_of_range_min: 'Må vere minst {{min}}.',
      out_of_range_max: 'Kan vere høgst {{max}}.',
      not_allowed: 'Er ikkje eitt av vala.',
      bad_format: 'Har ikkje rett form.',
      nul_character: 'Inneheld eit teikn som ikkje kan lagrast.',
      malformed_json: 'Førespurnaden kunne ikkje lesast.',
      invalid: 'Er ikkje gyldig.',
    },
  },
};
