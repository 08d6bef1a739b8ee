import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, RoleSchema } from './common.js';

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditQuerySchema = z
  .strictObject({
    actorId: IdSchema.optional(),
    clientId: IdSchema.optional(),
    /** Inclusive calendar days in UTC. */
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    /** Opaque cursor from the previous page. */
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'That page cursor is not valid.').optional(),
    limit: z.coerce.number({ error: 'Limit must be a number.' }).int('Limit must be a whole number.').min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The start date must be on or before the end date.',
    path: ['from'],
  });
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditEventSchema = z.object({
  id: IdSchema,
  at: IsoDateTimeSchema,
  actor: z.object({ id: IdSchema, name: z.string(), role: RoleSchema }).nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  client: z.object({ id: IdSchema, name: z.string() }).nullable(),
  outcome: AuditOutcomeSchema,
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditFiltersSchema = z.object({
  people: z.array(z.object({ id: IdSchema, name: z.string(), role: RoleSchema })),
  clients: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;
