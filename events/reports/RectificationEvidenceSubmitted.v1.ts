import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { Evidence, RectificationRef } from './parts.js';

/** The owner unit submitted evidence that a rectification item is done. */
export const RectificationEvidenceSubmittedData = RectificationRef.extend({
  note: z.string().min(1),
  evidence: z.array(Evidence),
  actor: Actor,
});
export type RectificationEvidenceSubmittedData = z.infer<typeof RectificationEvidenceSubmittedData>;

export const RectificationEvidenceSubmittedV1 = eventSchema('reports.RectificationEvidenceSubmitted.v1', RectificationEvidenceSubmittedData);
export type RectificationEvidenceSubmittedV1 = z.infer<typeof RectificationEvidenceSubmittedV1>;
