import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from './parts.js';

/** The holder of a risk post has served the configured number of years and is due to rotate. */
export const RotationDueData = z.object({
  riskPostId: z.string().min(1),
  unitId: z.string().min(1),
  /** The job, as the unit names it. */
  postName: z.string().min(1),
  personId: z.string().min(1),
  servingSince: z.iso.date(),
  years: z.number().int().positive(),
  dueDate: z.iso.date(),
  actor: Actor,
});
export type RotationDueData = z.infer<typeof RotationDueData>;

export const RotationDueV1 = eventSchema('signing.RotationDue.v1', RotationDueData);
export type RotationDueV1 = z.infer<typeof RotationDueV1>;
