import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { KeyTaskRef, Quarter } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/**
 * The discipline body rated a key task for a quarter (红黄绿亮灯); a red light is acted on by
 * talks and assessment.
 */
export const KeyTaskRatedData = KeyTaskRef.extend({
  quarter: Quarter,
  light: z.enum(['red', 'yellow', 'green']),
  reason: z.string().min(1),
  responsible: PersonRef,
  actor: Actor,
});
export type KeyTaskRatedData = z.infer<typeof KeyTaskRatedData>;

export const KeyTaskRatedV1 = eventSchema('reports.KeyTaskRated.v1', KeyTaskRatedData);
export type KeyTaskRatedV1 = z.infer<typeof KeyTaskRatedV1>;
