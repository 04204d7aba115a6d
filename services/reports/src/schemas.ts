import { z } from 'zod';

export const ReportPath = z.object({
  unitId: z.string().min(1),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** Body of `PUT /api/units/{unitId}/annual-reports/{year}`. */
export const SaveDraftBody = z.strictObject({
  summary: z.string().max(20_000),
  sections: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), content: z.string().max(100_000) }))
    .max(50),
});
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

export const AnnualReportView = z.object({
  unitId: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  summary: z.string(),
  sections: z.array(z.object({ title: z.string(), content: z.string() })),
  version: z.number().int(),
  submittedAt: z.string().optional(),
  late: z.boolean().optional(),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;
