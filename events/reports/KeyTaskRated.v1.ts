import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { KeyTaskRef } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/**
 * The discipline body rated a key task for a quarter (红黄绿亮灯); a red light is acted on by
 * talks and assessment.
 */
export const KeyTaskRatedData = KeyTaskRef.extend({
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  light: z.enum(['red', 'yellow', 'green']),
  reason: z.string().min(1),
  responsible: PersonRef,
  actor: Actor,
});
export type KeyTaskRatedData = z.infer<typeof KeyTaskRatedData>;

export const KeyTaskRatedV1 = eventSchema('reports.KeyTaskRated.v1', KeyTaskRatedData);
export type KeyTaskRatedV1 = z.infer<typeof KeyTaskRatedV1>;
