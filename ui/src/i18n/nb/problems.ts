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

// Bokmål: what the server refused and why, by the problem's stable code (api/openapi.yaml).

export const problems = {
  problem: {
    matching,
    catalogue,
    media,
    booking,
    registry,
    monitor,
    auth: {
      ...auth,
      required: 'Du må logge inn for å gjøre dette.',
      forbidden: 'Du har ikke tilgang til dette.',
    },
    accounts,
    notify,
    organisations,
    // every kind's own code (ProblemCode in api/openapi.yaml): the text when a problem has no
    // closer code, or one this front-end does not know yet
    request: {
      invalid: 'Noe i det du sendte, er ikke riktig. Se over opplysningene og prøv igjen.',
      not_found: 'Vi finner ikke det du ser etter. Det kan være slettet, eller lenken er feil.',
      conflict: 'Dette kolliderer med en endring som allerede er gjort. Last inn siden på nytt og prøv igjen.',
      unprocessable: 'Opplysningene henger ikke sammen og kan ikke brukes. Se over dem og prøv igjen.',
      too_large: 'Det du sendte, er for stort. Gjør teksten eller filen mindre og prøv igjen.',
      unsupported_media_type: 'Tjenesten kan ikke lese denne typen innhold.',
      rate_limited: 'Du har gjort dette for mange ganger på kort tid. Vent litt og prøv igjen.',
      method_not_allowed: 'Dette kan ikke gjøres her.',
      body_too_large: 'Det du sendte, er for stort (høyst {{max}} byte).',
      headers_too_large: 'Forespørselen har for store topptekster. Slett informasjonskapslene for nettstedet og prøv igjen.',
      malformed: 'Forespørselen kunne ikke leses. Last inn siden på nytt og prøv igjen.',
      not_json_object: 'Forespørselen kunne ikke leses. Last inn siden på nytt og prøv igjen.',
    },
    server: {
      unavailable: 'Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.',
      internal: 'Noe gikk galt hos oss. Prøv igjen senere.',
      busy: 'Tjenesten har mye å gjøre akkurat nå. Prøv igjen om {{retry_after}} sekunder.',
      not_ready: 'Tjenesten er ikke klar akkurat nå. Prøv igjen om litt.',
    },
    // no answer from the server at all, or a fault in this page
    unreachable: 'Fikk ikke kontakt med tjenesten. Sjekk at du er koblet til Internett, og prøv igjen.',
    unexpected: 'Noe gikk galt. Last inn siden på nytt og prøv igjen.',
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
      failed: 'Noen opplysninger må rettes:',
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
