import { z } from 'zod';
import { YearParam } from '#shared/http/inputs.js';

/** Query of `GET /api/dashboard/annual-reports`: the year reported on. */
export const OverviewQuery = z.strictObject({ year: YearParam });

export const ReportStatus = z.enum(['missing', 'draft', 'submitted', 'late']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** Answer of `GET /api/dashboard/annual-reports?year=Y`. */
export const AnnualReportOverview = z.object({
  year: z.number().int(),
  expected: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), status: ReportStatus })),
});
export type AnnualReportOverview = z.infer<typeof AnnualReportOverview>;

/** Answer of `GET /api/dashboard/signing?year=Y`. */
export const SigningCoverage = z.object({
  year: z.number().int(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      units: z.number().int(),
      total: z.number().int(),
      done: z.number().int(),
      pending: z.number().int(),
      percentDone: z.number().nullable(),
      waitingOn: z.array(z.object({ unitName: z.string(), name: z.string(), party: z.enum(['issuer', 'recipient']) })),
    }),
  ),
});
export type SigningCoverage = z.infer<typeof SigningCoverage>;
