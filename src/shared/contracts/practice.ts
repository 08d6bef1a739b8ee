import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema, PersonNameSchema, RoleSchema } from './common.js';

export const InviteTherapistRequestSchema = z.strictObject({
  name: PersonNameSchema,
  email: EmailSchema,
});
export type InviteTherapistRequest = z.input<typeof InviteTherapistRequestSchema>;

export const TherapistListItemSchema = z.object({
  /** The therapist's account id, or the invitation id while the invitation is pending. */
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  status: z.enum(['active', 'invited', 'invitation_expired']),
  activeClientCount: z.number().int().nonnegative(),
  since: IsoDateTimeSchema,
});
export type TherapistListItem = z.infer<typeof TherapistListItemSchema>;

export const TherapistListResponseSchema = z.object({ therapists: z.array(TherapistListItemSchema) });

export const PracticePersonSchema = z.object({ id: IdSchema, name: z.string(), role: RoleSchema });
