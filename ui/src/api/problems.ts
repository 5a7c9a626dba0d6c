// Problems the server sends, in the reader's language: the text is chosen by the problem's
// stable `code` (and each fault's), never taken from `detail`, which the server writes in
// English for people reading the raw answer.
import i18n from 'i18next';
import { ApiError } from './client';
import type { Fault, Problem } from './types';

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
  const code = fault.code.replace(/^validation\./, '');
  if (code === 'wrong_type') {
    const expected = i18n.t(`problem.type.${String(params.expected)}`, { defaultValue: i18n.t('problem.type.value') });
    return i18n.t('problem.validation.wrong_type', { expected });
  }
  if (code === 'out_of_range') {
    const variant = params.min !== undefined && params.max !== undefined ? 'out_of_range' : params.min !== undefined ? 'out_of_range_min' : 'out_of_range_max';
    return i18n.t(`problem.validation.${variant}`, params);
  }
  return i18n.t(`problem.validation.${code}`, { ...params, defaultValue: i18n.t('problem.validation.invalid') });
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
    return `${i18n.t('problem.validation_failed')} ${lines.join(' ')}`;
  }
  if (error instanceof ApiError) return error.problem?.detail || error.message;
  return error instanceof Error ? error.message : String(error);
}
