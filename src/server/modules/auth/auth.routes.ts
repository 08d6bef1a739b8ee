import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionResponseSchema, SignInRequestSchema, TotpCodeRequestSchema, TotpDisableRequestSchema, TotpSetupResponseSchema } from '../../../shared/contracts/auth.js';
import { OkResponseSchema } from '../../../shared/contracts/common.js';
import type { AppDeps } from '../../app-deps.js';
import { responses, signedInContext, userAgentOf } from '../../http.js';
import { clearSessionCookie, serviceContext, setSessionCookie } from '../../plugins/access.js';
import { authPolicy } from './auth.policy.js';
import { beginTotpSetup, completeSecondFactor, describeSession, disableTotp, enableTotp, signIn, signOut } from './auth.service.js';

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const signInRateLimit = { max: deps.config.limits.signInPerIpPerMinute, timeWindow: 60_000 };

  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { policy: authPolicy.signIn, rateLimit: signInRateLimit },
        schema: { tags: ['auth'], summary: 'Sign in with email and password', body: SignInRequestSchema, response: responses({ 200: SessionResponseSchema }) },
      },
      async (request, reply) => {
        const { created, view } = await signIn(deps, serviceContext(request, deps), { ...request.body, userAgent: userAgentOf(request) });
        setSessionCookie(reply, deps, created.token, created.session);
        return view;
      },
    );

    app.post(
      '/api/auth/second-factor',
      {
        config: { policy: authPolicy.secondFactor, rateLimit: signInRateLimit },
        schema: { tags: ['auth'], summary: 'Finish signing in with the code from an authenticator app', body: TotpCodeRequestSchema, response: responses({ 200: SessionResponseSchema }) },
      },
      async (request, reply) => {
        const { created, view } = await completeSecondFactor(deps, signedInContext(request, deps), { code: request.body.code, userAgent: userAgentOf(request) });
        setSessionCookie(reply, deps, created.token, created.session);
        return view;
      },
    );

    app.get(
      '/api/auth/session',
      { config: { policy: authPolicy.readSession }, schema: { tags: ['auth'], summary: 'The current session, with the CSRF token', response: responses({ 200: SessionResponseSchema }) } },
      async (request) => describeSession(deps.db, request.session!, deps.config),
    );

    app.post(
      '/api/auth/sign-out',
      { config: { policy: authPolicy.signOut }, schema: { tags: ['auth'], summary: 'End the session on the server', response: responses({ 200: OkResponseSchema }) } },
      async (request, reply) => {
        await signOut(signedInContext(request, deps));
        clearSessionCookie(reply, deps);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/totp/setup',
      { config: { policy: authPolicy.setUpTotp }, schema: { tags: ['auth'], summary: 'Start setting up an authenticator app', response: responses({ 200: TotpSetupResponseSchema }) } },
      async (request) => beginTotpSetup(signedInContext(request, deps)),
    );

    app.post(
      '/api/auth/totp/enable',
      {
        config: { policy: authPolicy.setUpTotp },
        schema: { tags: ['auth'], summary: 'Turn two-step sign-in on by confirming a code', body: TotpCodeRequestSchema, response: responses({ 200: SessionResponseSchema }) },
      },
      async (request) => enableTotp(deps, signedInContext(request, deps), request.body.code),
    );

    app.post(
      '/api/auth/totp/disable',
      {
        config: { policy: authPolicy.turnOffTotp },
        schema: { tags: ['auth'], summary: 'Turn two-step sign-in off (not allowed where it is required)', body: TotpDisableRequestSchema, response: responses({ 200: SessionResponseSchema }) },
      },
      async (request) => disableTotp(deps, signedInContext(request, deps), request.body.code),
    );
  };
}
