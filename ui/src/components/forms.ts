import { ApiError } from '../api/client';

/** The server's detail for the member it named, to show at that field. */
export function fieldError(error: unknown, ...params: string[]): string | undefined {
  if (error instanceof ApiError && error.param && params.includes(error.param)) return error.problem?.detail ?? error.message;
  return undefined;
}

/** True when the error belongs to no field in the list (so show it above the form). */
export function isFormError(error: unknown, params: string[]): boolean {
  if (!error) return false;
  return !(error instanceof ApiError && error.param && params.includes(error.param));
}
