import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema, RoleSchema } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length rules live here so forms check them as the user types; the common-password check is server-side. */
export const NewPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const SignInRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'That password is too long.'),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const TotpCodeSchema = z
  .string({ error: 'Enter the 6-digit code.' })
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.');

export const TotpCodeRequestSchema = z.strictObject({ code: TotpCodeSchema });
export type TotpCodeRequest = z.infer<typeof TotpCodeRequestSchema>;

export const TotpDisableRequestSchema = z.strictObject({
  code: TotpCodeSchema,
});

/**
 * `active`: full access. `mfa_required`: password accepted, waiting for the TOTP code.
 * `mfa_enrollment_required`: the account must set up a second factor before anything else.
 */
export const SESSION_STAGES = ['active', 'mfa_required', 'mfa_enrollment_required'] as const;
export const SessionStageSchema = z.enum(SESSION_STAGES);
export type SessionStage = z.infer<typeof SessionStageSchema>;

export const SessionUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  practice: z.object({ id: IdSchema, name: z.string() }),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionResponseSchema = z
  .object({
    stage: SessionStageSchema,
    user: SessionUserSchema,
    /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
    csrfToken: z.string(),
    /** When the session ends however active it is (12 hours after sign-in). */
    expiresAt: IsoDateTimeSchema,
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const TotpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export type TotpSetupResponse = z.infer<typeof TotpSetupResponseSchema>;
