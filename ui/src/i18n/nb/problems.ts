import { auth } from './codes/auth';
import { accounts } from './codes/accounts';
import { notify } from './codes/notify';
import { booking } from './codes/booking';
import { organisations } from './codes/organisations';

// Bokmål: what the server refused and why, by the problem's stable code (api/openapi.yaml).

export const problems = {
  problem: {
    booking,
    auth,
    accounts,
    notify,
    organisations,
    validation_failed: 'Noen opplysninger må rettes:',
    fault_line: '«{{field}}»: {{text}}',
    the_request: 'forespørselen',
    type: {
      integer: 'et heltall',
      number: 'et tall',
      string: 'tekst',
      boolean: 'ja eller nei',
      array: 'en liste',
      object: 'et sett med felt',
      value: 'en annen type verdi',
    },
    validation: {
      wrong_type: 'Må være {{expected}}.',
      missing: 'Må fylles ut.',
      unknown_member: 'Dette feltet tas ikke imot her.',
      unknown_parameter: 'Ukjent parameter.',
      repeated_parameter: 'Er oppgitt to ganger.',
      unnamed_parameter: 'En parameter mangler navn.',
      too_long: 'Kan ha høyst {{max}} tegn.',
      too_short: 'Må ha minst {{min}} tegn.',
      too_many_items: 'Kan ha høyst {{max}} valg.',
      too_few_items: 'Må ha minst {{min}} valg.',
      out_of_range: 'Må være fra {{min}} til {{max}}.',
      out_of_range_min: 'Må være minst {{min}}.',
      out_of_range_max: 'Kan være høyst {{max}}.',
      not_allowed: 'Er ikke et av valgene.',
      bad_format: 'Har ikke riktig form.',
      nul_character: 'Inneholder et tegn som ikke kan lagres.',
      malformed_json: 'Forespørselen kunne ikke leses.',
      invalid: 'Er ikke gyldig.',
    },
  },
};
