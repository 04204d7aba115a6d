import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The inspections service asks the reports service for a rectification item (a feedback sheet's
 * demand, a patrol finding), as the interviews service does, so that one model and one owner keep
 * every rectification item. `requestId` becomes the item's id.
 */
export const InspectionsRectificationRequestedData = z.object({
  requestId: z.string().min(1),
  unitId: z.string().min(1),
  source: z.object({ kind: z.enum(['feedbackSheet', 'patrol', 'situationReport']), id: z.string().min(1) }),
  action: z.string().min(1),
  dueDate: z.iso.date(),
  actor: Actor,
});
export type InspectionsRectificationRequestedData = z.infer<typeof InspectionsRectificationRequestedData>;

export const InspectionsRectificationRequestedV1 = eventSchema('inspections.RectificationRequested.v1', InspectionsRectificationRequestedData);
export type InspectionsRectificationRequestedV1 = z.infer<typeof InspectionsRectificationRequestedV1>;
