import type { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { ComplaintIds, Rating } from './parts.js';

/** The complainant rated the answer, once, by receipt code. */
export const ComplaintRatedData = ComplaintIds.extend({ rating: Rating });
export type ComplaintRatedData = z.infer<typeof ComplaintRatedData>;

export const ComplaintRatedV1 = eventSchema('disclosure.ComplaintRated.v1', ComplaintRatedData);
export type ComplaintRatedV1 = z.infer<typeof ComplaintRatedV1>;
