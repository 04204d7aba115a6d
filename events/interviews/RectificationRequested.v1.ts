import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A talk's rectification plan, or a warning notice, asks the unit to rectify: `reports` opens the
 * rectification item (its id is `requestId`), runs its lifecycle and announces every step.
 */
export const RectificationRequestedData = z.object({
  requestId: z.string().min(1),
  unitId: z.string().min(1),
  source: z.object({ kind: z.enum(['talk', 'warningNotice']), id: z.string().min(1) }),
  action: z.string().min(1),
  dueDate: z.iso.date(),
  actor: Actor,
});
export type RectificationRequestedData = z.infer<typeof RectificationRequestedData>;

export const RectificationRequestedV1 = eventSchema('interviews.RectificationRequested.v1', RectificationRequestedData);
export type RectificationRequestedV1 = z.infer<typeof RectificationRequestedV1>;
