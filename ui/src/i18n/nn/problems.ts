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

// Nynorsk: what the server refused and why, by the problem's stable code (api/openapi.yaml).

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
      required: 'Du må logge inn for å gjere dette.',
      forbidden: 'Du har ikkje tilgang til dette.',
    },
    accounts,
    notify,
    organisations,
    // every kind's own code (ProblemCode in api/openapi.yaml): the text when a problem has no
    // closer code, or one this front-end does not know yet
    request: {
      invalid: 'Noko i det du sende, er ikkje rett. Sjå over opplysningane og prøv igjen.',
      not_found: 'Vi finn ikkje det du ser etter. Det kan vere sletta, eller lenkja er feil.',
      conflict: 'Dette kolliderer med ei endring som alt er gjord. Last inn sida på nytt og prøv igjen.',
      unprocessable: 'Opplysningane heng ikkje saman og kan ikkje brukast. Sjå over dei og prøv igjen.',
      too_large: 'Det du sende, er for stort. Gjer teksten eller fila mindre og prøv igjen.',
      unsupported_media_type: 'Tenesta kan ikkje lese denne typen innhald.',
      rate_limited: 'Du har gjort dette for mange gonger på kort tid. Vent litt og prøv igjen.',
      method_not_allowed: 'Dette kan ikkje gjerast her.',
      body_too_large: 'Det du sende, er for stort (høgst {{max}} byte).',
      headers_too_large: 'Førespurnaden har for store topptekstar. Slett informasjonskapslane for nettstaden og prøv igjen.',
      malformed: 'Førespurnaden kunne ikkje lesast. Last inn sida på nytt og prøv igjen.',
      not_json_object: 'Førespurnaden kunne ikkje lesast. Last inn sida på nytt og prøv igjen.',
    },
    server: {
      unavailable: 'Tenesta er ikkje tilgjengeleg akkurat no. Prøv igjen om litt.',
      internal: 'Noko gjekk gale hos oss. Prøv igjen seinare.',
      busy: 'Tenesta har mykje å gjere akkurat no. Prøv igjen om {{retry_after}} sekund.',
      not_ready: 'Tenesta er ikkje klar akkurat no. Prøv igjen om litt.',
    },
    // no answer from the server at all, or a fault in this page
    unreachable: 'Fekk ikkje kontakt med tenesta. Sjekk at du er kopla til Internett, og prøv igjen.',
    unexpected: 'Noko gjekk gale. Last inn sida på nytt og prøv igjen.',
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
      failed: 'Nokre opplysningar må rettast:',
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
