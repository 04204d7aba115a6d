import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * An integrity situation report (廉情抄告) was endorsed by the party secretary and issued to the unit
 * whose funds it concerns; its rectification is asked of the reports service. Counts and money
 * only: the rows and the people paid stay in the report.
 */
export const SituationReportIssuedData = z.object({
  reportId: z.string().min(1),
  /** The issuing unit, whose commission compiled the report. */
  unitId: z.string().min(1),
  concernedUnitId: z.string().min(1),
  anomalies: z.number().int().positive(),
  /** The money at stake, in fen. */
  atStakeFen: z.number().int().nonnegative(),
  actor: Actor,
});
export type SituationReportIssuedData = z.infer<typeof SituationReportIssuedData>;

export const SituationReportIssuedV1 = eventSchema('inspections.SituationReportIssued.v1', SituationReportIssuedData);
export type SituationReportIssuedV1 = z.infer<typeof SituationReportIssuedV1>;
