import { ApiError } from '../api/client';
import { faultIn, faultsOf, faultText } from '../api/problems';

/** What is wrong with these fields, to show at them: by the fault's code in the reader's
 * language when the request was checked against the API document, else the server's detail
 * for the member it named. */
export function fieldError(error: unknown, ...params: string[]): string | undefined {
  const faults = faultsOf(error).filter((f) => faultIn(f, params));
  if (faults.length > 0) return faults.map(faultText).join(' ');
  if (faultsOf(error).length > 0) return undefined;
  if (error instanceof ApiError && error.param && params.includes(error.param)) return error.problem?.detail ?? error.message;
  return undefined;
}

/** True when the error belongs to no field in the list (so show it above the form). */
export function isFormError(error: unknown, params: string[]): boolean {
  if (!error) return false;
  const faults = faultsOf(error);
  if (faults.length > 0) return faults.some((f) => !faultIn(f, params));
  return !(error instanceof ApiError && error.param && params.includes(error.param));
}
