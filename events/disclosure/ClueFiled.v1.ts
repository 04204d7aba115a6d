import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { ClueKind, ComplaintIds } from './parts.js';

/** A village supervisory committee filed a clue of its month with the town's discipline body, which sorts it and handles it as a complaint. Its words stay in the service. */
export const ClueFiledData = ComplaintIds.extend({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  kind: ClueKind,
  actor: Actor,
});
export type ClueFiledData = z.infer<typeof ClueFiledData>;

export const ClueFiledV1 = eventSchema('disclosure.ClueFiled.v1', ClueFiledData);
export type ClueFiledV1 = z.infer<typeof ClueFiledV1>;
