/**
 * Every event contract, by topic. The AsyncAPI document and the consumers' parsers are built from
 * this registry.
 */
import { z } from 'zod';
import { topics, type TopicName } from './topics.js';
import * as signingEvents from './signing/index.js';
import * as reportsEvents from './reports/index.js';
import * as interviewsEvents from './interviews/index.js';
import * as inspectionsEvents from './inspections/index.js';
import * as disclosureEvents from './disclosure/index.js';

export * from './signing/index.js';
export * from './reports/index.js';
export * from './interviews/index.js';
export * from './inspections/index.js';
export * from './disclosure/index.js';

type SigningEventSchema = (typeof signingEvents)[keyof typeof signingEvents];
export const SigningEvent = z.discriminatedUnion('type', Object.values(signingEvents) as [SigningEventSchema, ...SigningEventSchema[]]);
export type SigningEvent = z.infer<typeof SigningEvent>;

type ReportsEventSchema = (typeof reportsEvents)[keyof typeof reportsEvents];
export const ReportsEvent = z.discriminatedUnion('type', Object.values(reportsEvents) as [ReportsEventSchema, ...ReportsEventSchema[]]);
export type ReportsEvent = z.infer<typeof ReportsEvent>;

type InterviewsEventSchema = (typeof interviewsEvents)[keyof typeof interviewsEvents];
export const InterviewsEvent = z.discriminatedUnion('type', Object.values(interviewsEvents) as [InterviewsEventSchema, ...InterviewsEventSchema[]]);
export type InterviewsEvent = z.infer<typeof InterviewsEvent>;

type InspectionsEventSchema = (typeof inspectionsEvents)[keyof typeof inspectionsEvents];
export const InspectionsEvent = z.discriminatedUnion('type', Object.values(inspectionsEvents) as [InspectionsEventSchema, ...InspectionsEventSchema[]]);
export type InspectionsEvent = z.infer<typeof InspectionsEvent>;

type DisclosureEventSchema = (typeof disclosureEvents)[keyof typeof disclosureEvents];
export const DisclosureEvent = z.discriminatedUnion('type', Object.values(disclosureEvents) as [DisclosureEventSchema, ...DisclosureEventSchema[]]);
export type DisclosureEvent = z.infer<typeof DisclosureEvent>;

/** The events each topic carries. */
export const eventsByTopic = {
  [topics.signing]: SigningEvent,
  [topics.reports]: ReportsEvent,
  [topics.interviews]: InterviewsEvent,
  [topics.inspections]: InspectionsEvent,
  [topics.disclosure]: DisclosureEvent,
} as const satisfies Record<TopicName, z.ZodType>;

/** Every event type the system publishes, as `<service>.<EventName>.v<N>`. */
export type EventType = z.infer<typeof SigningEvent>['type'] | z.infer<typeof ReportsEvent>['type'] | z.infer<typeof InterviewsEvent>['type'] | z.infer<typeof InspectionsEvent>['type'] | z.infer<typeof DisclosureEvent>['type'];

/** The schema of every event type, by type. */
export const eventSchemas: Readonly<Record<EventType, z.ZodType>> = Object.fromEntries(
  Object.values(eventsByTopic).flatMap((union) => union.options.map((schema): [string, z.ZodType] => [schema.shape.type.value, schema])),
) as Record<EventType, z.ZodType>;
