import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * The annual report was returned for revision, with a reason, by the upper committee or the
 * discipline commission, to both of which it is addressed.
 */
export const AnnualReportReturnedData = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  /** The version returned. */
  version: z.number().int().positive(),
  by: z.enum(['upperCommittee', 'disciplineCommission']),
  reason: z.string().min(1),
  actor: Actor,
});
export type AnnualReportReturnedData = z.infer<typeof AnnualReportReturnedData>;

export const AnnualReportReturnedV1 = eventSchema('reports.AnnualReportReturned.v1', AnnualReportReturnedData);
export type AnnualReportReturnedV1 = z.infer<typeof AnnualReportReturnedV1>;
