// Problems the server sends, in the reader's language: the text is chosen by the problem's
// stable `code` (and each fault's) at the key `problem.<code>` (i18n/*/problems.ts), never
// taken from `detail`, which the server writes in English for people reading the raw answer.
// A code this front-end has no text for yet gets the text of its kind (by the HTTP status).
// Example:
//
//   problemMessage(error)  // 409 booking.slot_full {capacity: 2} → "Tidspunktet er fullt: alle 2 plassene er tatt. …"
//   faultText(fault)       // validation.too_long {max: 200} → "Kan ha høyst 200 tegn."
import i18n from 'i18next';
import { ApiError } from './client';
import type { Fault, Problem, ProblemCode } from './types';

/** The text at `problem.<code>` with the code's params, or undefined when there is none. */
function textOf(code: string | undefined, params?: Record<string, unknown>): string | undefined {
  if (!code) return undefined;
  const key = `problem.${code}`;
  const text: unknown = i18n.t(key, { ...params, returnObjects: true });
  return typeof text === 'string' && text !== key && text !== '' ? text : undefined;
}

/** Every kind's own code, by the HTTP status of the answer (src/http/problem.cpp). */
export function kindCode(status: number): ProblemCode {
  switch (status) {
    case 401:
      return 'auth.required';
    case 403:
      return 'auth.forbidden';
    case 404:
      return 'request.not_found';
    case 405:
      return 'request.method_not_allowed';
    case 409:
      return 'request.conflict';
    case 413:
      return 'request.too_large';
    case 415:
      return 'request.unsupported_media_type';
    case 422:
      return 'request.unprocessable';
    case 429:
      return 'request.rate_limited';
    case 503:
      return 'server.unavailable';
    default:
      return status >= 500 ? 'server.internal' : 'request.invalid';
  }
}

/** The member or parameter a fault names, as forms name their fields: "name", "kit.items[0]". */
export function faultField(fault: Fault): string {
  if (fault.parameter) return fault.parameter;
  return (fault.pointer ?? '')
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, token) => (/^\d+$/.test(token) && path ? `${path}[${token}]` : path ? `${path}.${token}` : token), '');
}

/** One fault in the reader's language, without the field's name (a form shows it beside it). */
export function faultText(fault: Fault): string {
  const params = fault.params ?? {};
  if (fault.code === 'validation.wrong_type') {
    const expected = i18n.t(`problem.type.${String(params.expected)}`, { defaultValue: i18n.t('problem.type.value') });
    return i18n.t('problem.validation.wrong_type', { expected });
  }
  if (fault.code === 'validation.out_of_range') {
    const variant = params.min !== undefined && params.max !== undefined ? 'out_of_range' : params.min !== undefined ? 'out_of_range_min' : 'out_of_range_max';
    return i18n.t(`problem.validation.${variant}`, params);
  }
  return textOf(fault.code, params) ?? i18n.t('problem.validation.invalid');
}

/** The faults of a validation problem, if it is one. */
export function faultsOf(error: unknown): Fault[] {
  if (!(error instanceof ApiError)) return [];
  const problem: Problem | null = error.problem;
  return problem?.code === 'validation.failed' ? (problem.errors ?? []) : [];
}

/** Whether a fault belongs to one of these fields ("weeks" holds "weeks[0]"). */
export function faultIn(fault: Fault, fields: string[]): boolean {
  const name = faultField(fault);
  return fields.some((f) => name === f || name.startsWith(`${f}.`) || name.startsWith(`${f}[`));
}

/** The whole problem in the reader's language, for an alert above a form or a page. */
export function problemMessage(error: unknown): string {
  const faults = faultsOf(error);
  if (faults.length > 0) {
    const lines = faults.map((f) => i18n.t('problem.fault_line', { field: faultField(f) || i18n.t('problem.the_request'), text: faultText(f) }));
    return `${i18n.t('problem.validation.failed')} ${lines.join(' ')}`;
  }
  if (error instanceof ApiError) {
    const problem = error.problem;
    const own = problem?.code === 'validation.failed' ? undefined : textOf(problem?.code, problem?.params);
    return own ?? i18n.t(`problem.${kindCode(error.status)}`);
  }
  // fetch() rejects with a TypeError when no answer came at all
  return i18n.t(error instanceof TypeError ? 'problem.unreachable' : 'problem.unexpected');
}
