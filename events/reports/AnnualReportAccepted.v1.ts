import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/** The annual report was accepted. */
export const AnnualReportAcceptedData = z.object({
  unitId: z.string().min(1),
  year: z.number().int(),
  version: z.number().int().positive(),
  acceptedAt: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type AnnualReportAcceptedData = z.infer<typeof AnnualReportAcceptedData>;

export const AnnualReportAcceptedV1 = eventSchema('reports.AnnualReportAccepted.v1', AnnualReportAcceptedData);
export type AnnualReportAcceptedV1 = z.infer<typeof AnnualReportAcceptedV1>;
