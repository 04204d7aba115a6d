import { z } from 'zod';
import { LongText, Text, UnitId, YearParam } from '#shared/http/inputs.js';

/** Path of the annual report routes: the unit and the year reported on. */
export const ReportPath = z.object({ unitId: UnitId, year: YearParam });

/** Body of `PUT /api/units/{unitId}/annual-reports/{year}`. */
export const SaveDraftBody = z
  .strictObject({
    summary: LongText(20_000),
    sections: z.array(z.strictObject({ title: Text(200), content: LongText(100_000) })).max(50),
  })
  .meta({ examples: [{ summary: '2026年度履行主体责任情况', sections: [{ title: '主体责任', content: '召开专题会议研究部署党风廉政建设工作。' }] }] });
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
