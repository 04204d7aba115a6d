import { z } from 'zod';

export const OverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

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
