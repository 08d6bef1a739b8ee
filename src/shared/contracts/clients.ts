import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, PersonNameSchema } from './common.js';
import { AGE_GROUPS, ageInYears, todayIso } from '../domain/age-group.js';

const OLDEST_PLAUSIBLE_AGE = 120;

export const DateOfBirthSchema = IsoDateSchema.refine((value) => value <= todayIso(), {
  error: 'The date of birth cannot be in the future.',
  abort: true,
}).refine((value) => ageInYears(value, todayIso()) <= OLDEST_PLAUSIBLE_AGE, {
  error: `Check the year: that would make the client older than ${OLDEST_PLAUSIBLE_AGE}.`,
});

const PreferredNameSchema = z
  .string()
  .trim()
  .max(100, 'Preferred names are at most 100 characters.')
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** An empty email means "not known yet" (young children often have none); inviting needs one. */
const OptionalEmailSchema = z
  .union([z.literal(''), EmailSchema])
  .transform((value) => (value === '' ? null : value))
  .nullable();

export const CreateClientRequestSchema = z.strictObject({
  name: PersonNameSchema,
  preferredName: PreferredNameSchema.optional(),
  dateOfBirth: DateOfBirthSchema,
  email: OptionalEmailSchema.optional(),
});
export type CreateClientRequest = z.input<typeof CreateClientRequestSchema>;

export const UpdateClientRequestSchema = z
  .strictObject({
    name: PersonNameSchema.optional(),
    preferredName: PreferredNameSchema.optional(),
    dateOfBirth: DateOfBirthSchema.optional(),
    email: OptionalEmailSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'Change at least one field.' });
export type UpdateClientRequest = z.input<typeof UpdateClientRequestSchema>;

export const ClientIdParamsSchema = z.strictObject({ clientId: IdSchema });

export const AgeGroupSchema = z.enum(AGE_GROUPS);

export const CLIENT_ACCOUNT_STATUSES = ['not_invited', 'invited', 'invitation_expired', 'active'] as const;
export const ClientAccountStatusSchema = z.enum(CLIENT_ACCOUNT_STATUSES);
export type ClientAccountStatus = z.infer<typeof ClientAccountStatusSchema>;

export const ClientSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  preferredName: z.string().nullable(),
  ageGroup: AgeGroupSchema,
  accountStatus: ClientAccountStatusSchema,
  createdAt: IsoDateTimeSchema,
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export const CaseloadResponseSchema = z.object({ clients: z.array(ClientSummarySchema) });
export type CaseloadResponse = z.infer<typeof CaseloadResponseSchema>;

export const ClientDetailSchema = ClientSummarySchema.extend({
  dateOfBirth: z.string(),
  email: z.string().nullable(),
  therapist: z.object({ id: IdSchema, name: z.string() }),
  invitation: z
    .object({
      sentAt: IsoDateTimeSchema,
      expiresAt: IsoDateTimeSchema,
    })
    .nullable(),
}).meta({ id: 'ClientDetail' });
export type ClientDetail = z.infer<typeof ClientDetailSchema>;
