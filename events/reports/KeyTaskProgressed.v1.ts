import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { Evidence, KeyTaskRef } from './parts.js';

/** Progress on a key task, with a note and evidence. */
export const KeyTaskProgressedData = KeyTaskRef.extend({
  note: z.string().min(1),
  evidence: z.array(Evidence),
  /** The unit asks for the task to be closed (销号); only the commission's confirmation closes it. */
  requestsClosing: z.boolean().optional(),
  actor: Actor,
});
export type KeyTaskProgressedData = z.infer<typeof KeyTaskProgressedData>;

export const KeyTaskProgressedV1 = eventSchema('reports.KeyTaskProgressed.v1', KeyTaskProgressedData);
export type KeyTaskProgressedV1 = z.infer<typeof KeyTaskProgressedV1>;
