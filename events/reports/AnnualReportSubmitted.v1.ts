import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A unit's secretary submitted its annual report. `late` is true when `submittedAt` is after
 * `deadline` (31 January of year+1, 23:59:59 China Standard Time, by default).
 */
export const AnnualReportSubmittedData = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  submittedAt: z.iso.datetime({ offset: true }),
  deadline: z.iso.datetime({ offset: true }),
  late: z.boolean(),
  /** The version submitted; absent in events of the first slice. */
  version: z.number().int().positive().optional(),
  /** True when this submission follows a return for revision. */
  resubmission: z.boolean().optional(),
  actor: Actor.optional(),
});
export type AnnualReportSubmittedData = z.infer<typeof AnnualReportSubmittedData>;

export const AnnualReportSubmittedV1 = eventSchema('reports.AnnualReportSubmitted.v1', AnnualReportSubmittedData);
export type AnnualReportSubmittedV1 = z.infer<typeof AnnualReportSubmittedV1>;
