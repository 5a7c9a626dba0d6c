import type { notify as source } from '../../nb/codes/notify';

// Nynorsk: the texts of the `notify.*` problem codes (api/openapi.yaml), by the part after
// "notify."; {{name}} is a value of the problem's `params`.

export const notify: Record<keyof typeof source, string> = {
  unknown_kind: 'Det finst ingen varseltype «{{kind}}».',
  always_on: 'Desse e-postane held kontoen din trygg og kan ikkje slåast av.',
};
