/**
 * Every event contract, by topic. The AsyncAPI document and the consumers' parsers are built from
 * this registry.
 */
import { z } from 'zod';
import { topics, type TopicName } from './topics.js';
import { UnitRegisteredV1 } from './signing/UnitRegistered.v1.js';
import { AnnualReportDraftSavedV1 } from './reports/AnnualReportDraftSaved.v1.js';
import { AnnualReportSubmittedV1 } from './reports/AnnualReportSubmitted.v1.js';

export { UnitRegisteredV1, AnnualReportDraftSavedV1, AnnualReportSubmittedV1 };

export const SigningEvent = z.discriminatedUnion('type', [UnitRegisteredV1]);
export type SigningEvent = z.infer<typeof SigningEvent>;

export const ReportsEvent = z.discriminatedUnion('type', [AnnualReportDraftSavedV1, AnnualReportSubmittedV1]);
export type ReportsEvent = z.infer<typeof ReportsEvent>;

/** The events each topic carries. */
export const eventsByTopic = {
  [topics.signing]: SigningEvent,
  [topics.reports]: ReportsEvent,
} as const satisfies Record<TopicName, z.ZodType>;
