import type { notify as source } from '../../nb/codes/notify';

// English: the texts of the `notify.*` problem codes (api/openapi.yaml), by the part after
// "notify."; {{name}} is a value of the problem's `params`.

export const notify: Record<keyof typeof source, string> = {
  unknown_kind: 'There is no kind of notification called “{{kind}}”.',
  always_on: 'These e-mails keep your account safe and cannot be turned off.',
};
