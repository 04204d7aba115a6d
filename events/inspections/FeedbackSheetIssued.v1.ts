import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A unit's feedback sheet (反馈单) was issued after its assessment, with personalised rectification
 * demands; each demand is asked of the reports service as a rectification item.
 */
export const FeedbackSheetIssuedData = z.object({
  sheetId: z.string().min(1),
  assessmentId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  demandCount: z.number().int().positive(),
  actor: Actor,
});
export type FeedbackSheetIssuedData = z.infer<typeof FeedbackSheetIssuedData>;

export const FeedbackSheetIssuedV1 = eventSchema('inspections.FeedbackSheetIssued.v1', FeedbackSheetIssuedData);
export type FeedbackSheetIssuedV1 = z.infer<typeof FeedbackSheetIssuedV1>;
