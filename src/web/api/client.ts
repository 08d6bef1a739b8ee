import type { z } from 'zod';
import { ErrorResponseSchema, type ErrorCode, type FieldError } from '../../shared/contracts/common.js';
import { i18n } from '../i18n/index.js';

/** Codes the server sends, plus the ones this client uses when no server answer could be read. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** Every failed API call ends as one of these, whatever went wrong. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const STATE_CHANGING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The CSRF token of the current session. It lives only in memory (never in storage):
 * the session query and every response that starts a session set it.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface ApiRequestOptions<S extends z.ZodType> {
  method?: Method;
  /** JSON body; state-changing requests without one send `{}`. */
  body?: unknown;
  /** The shared contract's response schema: the success body is parsed with it. */
  schema: S;
  signal?: AbortSignal;
  /** Query-string parameters; empty values are left out. */
  query?: Record<string, string | number | undefined | null>;
}

function withQuery(path: string, query: ApiRequestOptions<z.ZodType>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function fallbackMessage(status: number): string {
  if (status === 429) return i18n.t('errors.rateLimited');
  if (status >= 500) return i18n.t('errors.server');
  if (status === 401) return i18n.t('errors.signedOut');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404) return i18n.t('errors.notFound');
  return i18n.t('errors.unexpected');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One fetch wrapper for the whole app: same-origin cookies, JSON both ways, CSRF header, contract-checked answers. */
export async function apiRequest<S extends z.ZodType>(path: string, options: ApiRequestOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (STATE_CHANGING.has(method)) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, fields, requestId } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields ?? [], requestId);
    }
    throw new ApiError(response.status, response.status === 429 ? 'RATE_LIMITED' : 'UNEXPECTED_RESPONSE', fallbackMessage(response.status));
  }

  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'));
  }
  return parsed.data;
}
