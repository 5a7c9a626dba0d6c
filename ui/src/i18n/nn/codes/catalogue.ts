import type { catalogue as source } from '../../nb/codes/catalogue';

// Nynorsk: the texts of the `catalogue.*` problem codes (api/openapi.yaml), by the part after
// "catalogue."; {{name}} is a value of the problem's `params`.

export const catalogue: Record<keyof typeof source, string> = {
  offer_not_found: 'Vi finn ikkje dette tilbodet. Det kan vere arkivert eller ikkje publisert enno.',
  provider_not_found: 'Vi finn ikkje denne tilbydaren.',
  members_only: 'Berre medlemmer av tilbydaren kan leggje til og endre tilboda hans.',
  provider_not_approved: 'Tilbydaren er ikkje godkjend enno. Tilboda blir viste når ein koordinator har godkjent han.',
  school_not_found: 'Vi finn ingen skule med organisasjonsnummer {{school}}.',
  municipality_not_found: 'Vi finn ingen kommune med nummer {{municipality}}.',
  title_length: 'Tittelen må ha frå {{min}} til {{max}} teikn.',
  description_length: 'Skildringa må ha frå {{min}} til {{max}} teikn.',
  unknown_format: 'Vel ei av formene for tilbod i lista.',
  subjects_required: 'Vel minst eitt fag.',
  unknown_subject: 'Dette faget kjenner vi ikkje.',
  grades_invalid: 'Trinna går frå {{min}} til {{max}}, og det første kan ikkje vere høgare enn det siste.',
  languages_required: 'Vel minst eitt språk.',
  capacity_out_of_range: 'Talet på elevar må vere frå {{min}} til {{max}}.',
  municipality_required: 'Eit tilbod som ikkje er digitalt, må ha ein kommune.',
  municipality_unknown: 'Kommunenummeret {{municipality}} finst ikkje i registeret.',
  materials_too_many: 'Materiallista kan ha høgst {{max}} punkt.',
  material_length: 'Kvart punkt i materiallista må ha frå {{min}} til {{max}} teikn.',
  preparation_out_of_range: 'Førebuingstida må vere frå {{min}} til {{max}} minutt.',
  curriculum_too_many: 'Tilbodet kan vise til høgst {{max}} læreplanar.',
  curriculum_code_invalid: '«{{code}}» er ikkje ein læreplankode frå LK20, som NAT01-04.',
  travel_radius_out_of_range: 'Reiseavstanden må vere frå {{min}} til {{max}} km.',
  duration_out_of_range: 'Lengda må vere frå {{min}} til {{max}} minutt.',
  cost_negative: 'Prisen kan ikkje vere negativ.',
  slot_ends_before_start: 'Tidspunktet må slutte etter at det byrjar.',
  slot_capacity_out_of_range: 'Eit tidspunkt kan ta frå {{min}} til {{max}} klassar.',
  grade_out_of_range: 'Vel eit trinn frå {{min}} til {{max}}.',
  municipality_invalid: 'Eit kommunenummer har fire siffer.',
  county_invalid: 'Eit fylkesnummer har to siffer.',
  near_invalid: 'Dette er ikkje eit gyldig organisasjonsnummer for ein skule.',
  digital_invalid: 'Vel ja eller nei for digitale tilbod.',
  cursor_invalid: 'Lenkja til neste side er ikkje gyldig lenger. Start søket på nytt.',
};
