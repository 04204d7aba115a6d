import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { ComplaintIds } from './parts.js';

/** A complaint went to the discipline body that handles it, one level up when it is about a discipline body, with the day its answer is due. */
export const ComplaintRoutedData = ComplaintIds.extend({
  raised: z.boolean(),
  dueOn: z.iso.date(),
});
export type ComplaintRoutedData = z.infer<typeof ComplaintRoutedData>;

export const ComplaintRoutedV1 = eventSchema('disclosure.ComplaintRouted.v1', ComplaintRoutedData);
export type ComplaintRoutedV1 = z.infer<typeof ComplaintRoutedV1>;
