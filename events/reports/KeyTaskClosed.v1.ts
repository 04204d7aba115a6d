import type { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { KeyTaskRef } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/** A key task was closed (销号), confirmed by the commission. */
export const KeyTaskClosedData = KeyTaskRef.extend({
  confirmedBy: PersonRef,
  actor: Actor,
});
export type KeyTaskClosedData = z.infer<typeof KeyTaskClosedData>;

export const KeyTaskClosedV1 = eventSchema('reports.KeyTaskClosed.v1', KeyTaskClosedData);
export type KeyTaskClosedV1 = z.infer<typeof KeyTaskClosedV1>;
