import type { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { RectificationRef } from './parts.js';

/** The evidence was verified and the rectification item closed. */
export const RectificationClosedData = RectificationRef.extend({
  actor: Actor,
});
export type RectificationClosedData = z.infer<typeof RectificationClosedData>;

export const RectificationClosedV1 = eventSchema('reports.RectificationClosed.v1', RectificationClosedData);
export type RectificationClosedV1 = z.infer<typeof RectificationClosedV1>;
