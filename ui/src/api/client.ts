import type { Problem } from './types';

/** An answer that is not 2xx; carries the problem document when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  /** The member of the body or query that the server named, if any. */
  get param(): string | undefined {
    return this.problem?.param;
  }
}

export const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;
export const isUnauthenticated = (e: unknown) => e instanceof ApiError && e.status === 401;

let csrfToken: string | null = null;

/** Set from GET /api/v1/me and sign-in answers. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

function csrfFromCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const m = document.cookie.match(/(?:^|;\s*)stemnet_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

async function readError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  return new ApiError(res.status, problem, `${res.status} ${res.statusText}`);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const res = await fetch(withQuery(path, query), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

export async function apiText(path: string, query?: Query, signal?: AbortSignal): Promise<string> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin', signal });
  if (!res.ok) throw await readError(res);
  return res.text();
}

/** POST/PATCH with JSON and the session's CSRF token. */
export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken ?? csrfFromCookie();
  if (token) headers['X-CSRF-Token'] = token;
  let payload: string | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) throw await readError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : undefined) as T;
}

/** POST a file as the body itself (the server finds its type in the content), with the CSRF token. */
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
  const token = csrfToken ?? csrfFromCookie();
  if (token) headers['X-CSRF-Token'] = token;
  const res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

export const API = '/api/v1';
