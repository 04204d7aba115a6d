import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/** After the deadline, the upper level reopened a unit's report, with a reason and a new deadline. */
export const AnnualReportReopenedData = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  reason: z.string().min(1),
  deadline: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type AnnualReportReopenedData = z.infer<typeof AnnualReportReopenedData>;

export const AnnualReportReopenedV1 = eventSchema('reports.AnnualReportReopened.v1', AnnualReportReopenedData);
export type AnnualReportReopenedV1 = z.infer<typeof AnnualReportReopenedV1>;
