import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseloadResponseSchema,
  ClientDetailSchema,
  ClientIdParamsSchema,
  CreateClientRequestSchema,
  UpdateClientRequestSchema,
} from '../../../shared/contracts/clients.js';
import { InvitationIssuedSchema } from '../../../shared/contracts/invitations.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, signedInContext } from '../../http.js';
import { issueClientInvitation } from '../invitations/invitations.service.js';
import { clientsPolicy } from './clients.policy.js';
import { createClient, getClient, listCaseload, updateClient } from './clients.service.js';

export function clientRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clients',
      { config: { policy: clientsPolicy.readCaseload }, schema: { tags: ['clients'], summary: "The signed-in therapist's caseload", response: responses({ 200: CaseloadResponseSchema }) } },
      async (request) => ({ clients: await listCaseload(signedInContext(request, deps)) }),
    );

    app.post(
      '/api/clients',
      {
        config: { policy: clientsPolicy.create },
        schema: { tags: ['clients'], summary: 'Create a client record in your caseload', body: CreateClientRequestSchema, response: responses({ 201: ClientDetailSchema }) },
      },
      async (request, reply) => reply.code(201).send(await createClient(signedInContext(request, deps), request.body)),
    );

    app.get(
      '/api/clients/:clientId',
      { config: { policy: clientsPolicy.read }, schema: { tags: ['clients'], summary: 'One client record', params: ClientIdParamsSchema, response: responses({ 200: ClientDetailSchema }) } },
      async (request) => getClient(signedInContext(request, deps), request.params.clientId),
    );

    app.patch(
      '/api/clients/:clientId',
      {
        config: { policy: clientsPolicy.update },
        schema: { tags: ['clients'], summary: 'Correct a client record', params: ClientIdParamsSchema, body: UpdateClientRequestSchema, response: responses({ 200: ClientDetailSchema }) },
      },
      async (request) => updateClient(signedInContext(request, deps), request.params.clientId, request.body),
    );

    app.post(
      '/api/clients/:clientId/invitation',
      {
        config: { policy: clientsPolicy.invite },
        schema: {
          tags: ['clients'],
          summary: 'Invite the client to set up their account (replaces any earlier invitation)',
          params: ClientIdParamsSchema,
          response: responses({ 201: InvitationIssuedSchema }),
        },
      },
      async (request, reply) => reply.code(201).send(await issueClientInvitation(deps, signedInContext(request, deps), request.params.clientId)),
    );
  };
}
