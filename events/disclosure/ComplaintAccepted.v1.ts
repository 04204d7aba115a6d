import type { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { ComplaintIds } from './parts.js';

/** The handling body accepted a complaint (受理) and is looking into it. */
export const ComplaintAcceptedData = ComplaintIds.extend({ actor: Actor });
export type ComplaintAcceptedData = z.infer<typeof ComplaintAcceptedData>;

export const ComplaintAcceptedV1 = eventSchema('disclosure.ComplaintAccepted.v1', ComplaintAcceptedData);
export type ComplaintAcceptedV1 = z.infer<typeof ComplaintAcceptedV1>;
