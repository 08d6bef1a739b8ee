import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../shared/contracts/common.js';
import { HealthResponseSchema } from '../../../shared/contracts/home.js';
import type { AppDeps } from '../../app-deps.js';
import { AppError } from '../../errors.js';
import { publicRoute } from '../../policy.js';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Load balancers route traffic by this answer, so it is "ok" only when the database answers.
    app.get(
      '/api/health',
      {
        config: { policy: publicRoute('load balancers probe it; it reveals nothing') },
        schema: { tags: ['health'], summary: 'Ready to serve: the database answers', response: { 200: HealthResponseSchema, 503: ErrorResponseSchema } },
      },
      async (request) => {
        try {
          await sql`select 1`.execute(deps.db);
        } catch (error) {
          request.log.error({ err: error }, 'health check: database did not answer');
          throw new AppError('UNAVAILABLE', 'The database is not answering.');
        }
        return { status: 'ok' as const };
      },
    );
  };
}
