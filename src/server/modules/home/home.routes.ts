import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClientHomeSchema, GuardianHomeSchema } from '../../../shared/contracts/home.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, signedInContext } from '../../http.js';
import { homePolicy } from './home.policy.js';
import { loadClientHome, loadGuardianHome } from './home.service.js';

export function homeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/client/home',
      { config: { policy: homePolicy.clientHome }, schema: { tags: ['home'], summary: "A client's own start page", response: responses({ 200: ClientHomeSchema }) } },
      async (request) => loadClientHome(signedInContext(request, deps)),
    );
    app.get(
      '/api/guardian/home',
      { config: { policy: homePolicy.guardianHome }, schema: { tags: ['home'], summary: "A guardian's start page", response: responses({ 200: GuardianHomeSchema }) } },
      async (request) => loadGuardianHome(signedInContext(request, deps)),
    );
  };
}
