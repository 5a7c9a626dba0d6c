import type { organisations as source } from '../../nb/codes/organisations';

// Nynorsk: the texts of the `organisations.*` problem codes (api/openapi.yaml), by the part after
// "organisations."; {{name}} is a value of the problem's `params`.

export const organisations: Record<keyof typeof source, string> = {
  kind_invalid: 'Vel kva slags aktør dette er.',
  name_invalid: 'Namnet må ha frå 1 til {{max}} teikn.',
  orgnr_required: 'Oppgi organisasjonsnummeret. Berre frivillige kan la det stå tomt.',
  orgnr_invalid: 'Dette er ikkje eit gyldig organisasjonsnummer (9 siffer).',
  municipality_required: 'Oppgi kommunenummeret (4 siffer).',
  municipality_unknown: 'Ingen kommune har nummeret {{number}}.',
  sector_invalid: 'Vel ein bransje frå lista.',
  profile_too_long: 'Presentasjonen kan ha høgst {{max}} teikn.',
  recruits_for_invalid: 'Vel mellom jobbar, læreplassar, sommarjobbar og studium.',
  website_invalid: 'Nettstaden må vere ei adresse som byrjar med https://.',
  contact_email_invalid: 'Skriv ei gyldig e-postadresse, til dømes namn@bedrift.no.',
  contact_phone_invalid: 'Eit telefonnummer har 8 til 15 siffer, gjerne med + og landskode først.',
  field_required: 'Skriv kva du jobbar med eller studerer.',
  affiliation_required: 'Skriv kvar du jobbar eller studerer.',
  reason_required: 'Skriv ei grunngiving, så den som spurde veit kvifor.',
  not_found: 'Vi finn ikkje denne organisasjonen.',
  school_not_found: 'Vi finn ikkje denne skulen.',
  already_registered: 'Organisasjonen er alt registrert. Be eit av medlemmene om å leggje deg til.',
  members_only: 'Berre medlemmene i organisasjonen kan endre profilen.',
  deciders_only: 'Berre ein koordinator i fylket eller ein administrator kan godkjenne denne aktøren.',
  already_decided: 'Aktøren er alt handsama.',
  people_hidden: 'Berre dei som høyrer til her, kan sjå kven som er med.',
  managers_only: 'Berre dei som administrerer personane her, kan gjere dette.',
  role_invalid: 'Den rolla finst ikkje her. Vel ei av desse: {{allowed}}.',
  already_member: '{{email}} har alt denne rolla her.',
  member_not_found: 'Personen har ikkje denne rolla her.',
  last_member: 'Ein aktør må ha minst eitt medlem. Legg til ein annan først.',
  already_joined: 'Du har alt denne rolla her.',
  already_asked: 'Du har alt spurt. Vent på svar.',
  join_request_not_found: 'Vi finn ikkje denne førespurnaden om å bli med.',
  join_request_decided: 'Førespurnaden er alt svart på.',
};
