import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InvitationIssuedSchema } from '../../../shared/contracts/invitations.js';
import { InviteTherapistRequestSchema, TherapistListResponseSchema } from '../../../shared/contracts/practice.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, signedInContext } from '../../http.js';
import { issueTherapistInvitation } from '../invitations/invitations.service.js';
import { practicePolicy } from './practice.policy.js';
import { listTherapists } from './practice.service.js';

export function practiceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/practice/therapists',
      { config: { policy: practicePolicy.listTherapists }, schema: { tags: ['practice'], summary: "The practice's therapists and open invitations", response: responses({ 200: TherapistListResponseSchema }) } },
      async (request) => ({ therapists: await listTherapists(signedInContext(request, deps)) }),
    );

    app.post(
      '/api/practice/therapist-invitations',
      {
        config: { policy: practicePolicy.inviteTherapist },
        schema: { tags: ['practice'], summary: 'Invite a therapist to the practice', body: InviteTherapistRequestSchema, response: responses({ 201: InvitationIssuedSchema }) },
      },
      async (request, reply) => reply.code(201).send(await issueTherapistInvitation(deps, signedInContext(request, deps), request.body)),
    );
  };
}
