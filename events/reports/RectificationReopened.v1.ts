import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { RectificationRef } from './parts.js';

/** The evidence was rejected and the rectification item is open again, with why. */
export const RectificationReopenedData = RectificationRef.extend({
  reason: z.string().min(1),
  actor: Actor,
});
export type RectificationReopenedData = z.infer<typeof RectificationReopenedData>;

export const RectificationReopenedV1 = eventSchema('reports.RectificationReopened.v1', RectificationReopenedData);
export type RectificationReopenedV1 = z.infer<typeof RectificationReopenedV1>;
