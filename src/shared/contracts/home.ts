import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.js';

/** Something the client should do before or after a session; later features add kinds. */
export const DueItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  dueAt: IsoDateTimeSchema.nullable(),
});

export const ClientHomeSchema = z.object({
  displayName: z.string(),
  practiceName: z.string(),
  therapist: z.object({ name: z.string(), email: z.string() }).nullable(),
  due: z.array(DueItemSchema),
});
export type ClientHome = z.infer<typeof ClientHomeSchema>;

export const GuardianHomeSchema = z.object({
  displayName: z.string(),
  practiceName: z.string(),
  children: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type GuardianHome = z.infer<typeof GuardianHomeSchema>;

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
