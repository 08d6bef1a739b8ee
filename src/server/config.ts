import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_INVITATION_TTL_DAYS } from '../shared/domain/invitation.js';

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres|postgresql):\/\//, 'must start with postgres:// (leave it unset to use the embedded SQLite database)')
      .optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).default('Rapport <no-reply@localhost>'),
    DEMO: booleanFlag.optional(),
    MFA_REQUIRED: booleanFlag.optional(),
    TRUST_PROXY: booleanFlag.default(false),
    INVITATION_TTL_DAYS: z.coerce.number().positive().max(90).default(DEFAULT_INVITATION_TTL_DAYS),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((env) => {
    const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
    const production = env.NODE_ENV === 'production';
    return {
      env: env.NODE_ENV,
      host: env.HOST,
      port: env.PORT,
      publicUrl: publicUrl.origin,
      /** Secure, `__Host-` cookies and HSTS only make sense when users reach us over https. */
      https: publicUrl.protocol === 'https:',
      database: env.DATABASE_URL
        ? ({ dialect: 'postgres', url: env.DATABASE_URL } as const)
        : ({ dialect: 'sqlite', file: path.resolve(env.DATA_DIR, 'rapport.db') } as const),
      smtpUrl: env.SMTP_URL ?? null,
      mailFrom: env.MAIL_FROM,
      demo: env.DEMO ?? !production,
      mfaRequired: env.MFA_REQUIRED ?? production,
      trustProxy: env.TRUST_PROXY,
      invitationTtlDays: env.INVITATION_TTL_DAYS,
      logLevel: env.LOG_LEVEL,
    };
  });

export type AppConfig = z.output<typeof EnvSchema> & {
  /** Timing and limits; constants in production, shortened only by tests. */
  limits: AppLimits;
};

export interface AppLimits {
  bodyLimitBytes: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  mfaChallengeMs: number;
  signInPerIpPerMinute: number;
  failedSignInsPerAccount: number;
  failedSignInWindowMs: number;
}

export const DEFAULT_LIMITS: AppLimits = {
  bodyLimitBytes: 100 * 1024,
  sessionIdleMs: 30 * 60 * 1000,
  sessionAbsoluteMs: 12 * 60 * 60 * 1000,
  mfaChallengeMs: 5 * 60 * 1000,
  signInPerIpPerMinute: 20,
  failedSignInsPerAccount: 5,
  failedSignInWindowMs: 15 * 60 * 1000,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at start-up and names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Rapport cannot start: invalid environment variables\n${problems}`);
  }
  return { ...parsed.data, limits: DEFAULT_LIMITS };
}
