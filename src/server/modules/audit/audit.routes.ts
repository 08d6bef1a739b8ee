import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditFiltersSchema, AuditPageSchema, AuditQuerySchema } from '../../../shared/contracts/audit.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, signedInContext } from '../../http.js';
import { auditPolicy } from './audit.policy.js';
import { listAuditEvents, listAuditFilters } from './audit.service.js';

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit-events',
      { config: { policy: auditPolicy.list }, schema: { tags: ['audit'], summary: "The practice's audit log, newest first", querystring: AuditQuerySchema, response: responses({ 200: AuditPageSchema }) } },
      async (request) => listAuditEvents(signedInContext(request, deps), request.query),
    );

    app.get(
      '/api/audit-events/filters',
      { config: { policy: auditPolicy.filters }, schema: { tags: ['audit'], summary: 'People and clients to filter the audit log by', response: responses({ 200: AuditFiltersSchema }) } },
      async (request) => listAuditFilters(signedInContext(request, deps)),
    );
  };
}
