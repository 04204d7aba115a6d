import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/** A unit saved (or saved again) the draft of its annual report on the main responsibility. */
export const AnnualReportDraftSavedData = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  sectionCount: z.number().int().nonnegative(),
  /** The version saved (every saved draft is kept); absent in events of the first slice. */
  version: z.number().int().positive().optional(),
  actor: Actor.optional(),
});
export type AnnualReportDraftSavedData = z.infer<typeof AnnualReportDraftSavedData>;

export const AnnualReportDraftSavedV1 = eventSchema('reports.AnnualReportDraftSaved.v1', AnnualReportDraftSavedData);
export type AnnualReportDraftSavedV1 = z.infer<typeof AnnualReportDraftSavedV1>;
