import { ApiError } from '../api/client';
import { faultIn, faultsOf, faultText, problemMessage } from '../api/problems';

/** What is wrong with these fields, to show at them, in the reader's language: each fault's
 * text by its code, or the text of a problem that names one of them in `param`. */
export function fieldError(error: unknown, ...params: string[]): string | undefined {
  const faults = faultsOf(error).filter((f) => faultIn(f, params));
  if (faults.length > 0) return faults.map(faultText).join(' ');
  if (faultsOf(error).length > 0) return undefined;
  if (error instanceof ApiError && error.param && params.includes(error.param)) return problemMessage(error);
  return undefined;
}

/** True when the error belongs to no field in the list (so show it above the form). */
export function isFormError(error: unknown, params: string[]): boolean {
  if (!error) return false;
  const faults = faultsOf(error);
  if (faults.length > 0) return faults.some((f) => !faultIn(f, params));
  return !(error instanceof ApiError && error.param && params.includes(error.param));
}
