import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionResponseSchema } from '../../../shared/contracts/auth.js';
import { AcceptInvitationRequestSchema, InvitationDetailsSchema, InvitationLookupRequestSchema } from '../../../shared/contracts/invitations.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, userAgentOf } from '../../http.js';
import { serviceContext, setSessionCookie } from '../../plugins/access.js';
import { invitationsPolicy } from './invitations.policy.js';
import { acceptInvitation, lookUpInvitation } from './invitations.service.js';

export function invitationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const rateLimit = { max: deps.config.limits.signInPerIpPerMinute, timeWindow: 60_000 };
  return async (app) => {
    // POST, not GET: the token stays out of URLs and logs.
    app.post(
      '/api/invitations/look-up',
      {
        config: { policy: invitationsPolicy.lookUp, rateLimit },
        schema: { tags: ['invitations'], summary: 'Who an invitation is for, if it can still be used', body: InvitationLookupRequestSchema, response: responses({ 200: InvitationDetailsSchema }) },
      },
      async (request) => lookUpInvitation(serviceContext(request, deps), request.body.token),
    );

    app.post(
      '/api/invitations/accept',
      {
        config: { policy: invitationsPolicy.accept, rateLimit },
        schema: { tags: ['invitations'], summary: 'Set a password, create the account and sign in', body: AcceptInvitationRequestSchema, response: responses({ 201: SessionResponseSchema }) },
      },
      async (request, reply) => {
        const { created, view } = await acceptInvitation(deps, serviceContext(request, deps), { ...request.body, userAgent: userAgentOf(request) });
        setSessionCookie(reply, deps, created.token, created.session);
        return reply.code(201).send(view);
      },
    );
  };
}
