import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { ErrorResponseSchema } from '../shared/contracts/common.js';
import type { AppDeps } from './app-deps.js';
import type { SignedInContext } from './context.js';
import { serviceContext } from './plugins/access.js';

/** Success schemas plus the error shape for every status a route can answer with. */
export function responses<T extends Record<number, ZodType>>(success: T) {
  return {
    ...success,
    400: ErrorResponseSchema,
    401: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
    429: ErrorResponseSchema,
  };
}

/** For routes whose policy already demanded a signed-in actor. */
export function signedInContext(request: FastifyRequest, deps: AppDeps): SignedInContext {
  const ctx = serviceContext(request, deps);
  if (!ctx.actor) throw new Error(`${request.method} ${request.url}: route policy let an anonymous request through`);
  return { ...ctx, actor: ctx.actor };
}

export function userAgentOf(request: FastifyRequest): string | null {
  return request.headers['user-agent'] ?? null;
}
