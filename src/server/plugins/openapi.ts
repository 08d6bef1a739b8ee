import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { publicRoute } from '../policy.js';

/**
 * The OpenAPI document is generated from the zod schemas each route declares, so it can
 * never drift from what the server validates. Must be registered before the routes.
 */
export async function registerOpenApi(app: FastifyInstance, sessionCookie: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '0.1.0',
        description:
          'JSON API of Rapport. Sign in with POST /api/auth/sign-in; the session lives in an HttpOnly cookie. ' +
          'Every POST, PUT, PATCH and DELETE must carry the `x-csrf-token` header from GET /api/auth/session. ' +
          'Errors always have the shape `{ "error": { "code", "message", "requestId", "fields"? } }`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { policy: publicRoute('describes the API; holds no data') }, schema: { hide: true } }, async () => app.swagger());
}
