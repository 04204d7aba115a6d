import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { RectificationSource } from './parts.js';

/**
 * A rectification item was opened for a unit, from its source (a hearing comment; later a talk, a
 * patrol, a feedback sheet or a complaint).
 */
export const RectificationOpenedData = z.object({
  rectificationId: z.string().min(1),
  unitId: z.string().min(1),
  source: RectificationSource,
  action: z.string().min(1),
  dueDate: z.iso.date(),
  actor: Actor,
});
export type RectificationOpenedData = z.infer<typeof RectificationOpenedData>;

export const RectificationOpenedV1 = eventSchema('reports.RectificationOpened.v1', RectificationOpenedData);
export type RectificationOpenedV1 = z.infer<typeof RectificationOpenedV1>;
