import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.js';
import { NewPasswordSchema } from './auth.js';

export const INVITATION_KINDS = ['client', 'therapist'] as const;
export const InvitationKindSchema = z.enum(INVITATION_KINDS);

/** The link carries the token in its fragment (`#token=`), so it never reaches server logs or a Referer header. */
export const InvitationTokenSchema = z
  .string({ error: 'This invitation link is incomplete.' })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'This invitation link is incomplete or damaged. Ask for a new one.');

export const InvitationLookupRequestSchema = z.strictObject({ token: InvitationTokenSchema });

export const InvitationDetailsSchema = z.object({
  kind: InvitationKindSchema,
  name: z.string(),
  email: z.string(),
  practiceName: z.string(),
  expiresAt: IsoDateTimeSchema,
});
export type InvitationDetails = z.infer<typeof InvitationDetailsSchema>;

export const AcceptInvitationRequestSchema = z.strictObject({
  token: InvitationTokenSchema,
  password: NewPasswordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const InvitationIssuedSchema = z.object({
  invitationId: IdSchema,
  email: z.string(),
  expiresAt: IsoDateTimeSchema,
  /** `email`: sent by the server. `link`: no mail server is configured, so the inviter copies `link`. */
  delivery: z.enum(['email', 'link']),
  link: z.string().optional(),
  /** Set when a mail server is configured but refused the message; the link is returned instead. */
  emailFailed: z.boolean().optional(),
});
export type InvitationIssued = z.infer<typeof InvitationIssuedSchema>;
