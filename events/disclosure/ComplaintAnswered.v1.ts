import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { ComplaintIds } from './parts.js';

/** The handling body answered a complaint; the answer's words are read by receipt code only. */
export const ComplaintAnsweredData = ComplaintIds.extend({
  answeredOn: z.iso.date(),
  onTime: z.boolean(),
  actor: Actor,
});
export type ComplaintAnsweredData = z.infer<typeof ComplaintAnsweredData>;

export const ComplaintAnsweredV1 = eventSchema('disclosure.ComplaintAnswered.v1', ComplaintAnsweredData);
export type ComplaintAnsweredV1 = z.infer<typeof ComplaintAnsweredV1>;
