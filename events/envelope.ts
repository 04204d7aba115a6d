/**
 * The CloudEvents 1.0 envelope (structured JSON mode) that every event travels in, with the
 * extensions the system uses. One schema, used by producers (the outbox), consumers and the
 * AsyncAPI document.
 */
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';

export const cloudEventContentType = 'application/cloudevents+json';

/** The envelope with `data` left open; each event type narrows `type` and `data`. */
export const CloudEvent = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().regex(/^\/services\/[a-z-]+$/),
  type: z.string().regex(/^[a-z]+\.[A-Za-z]+\.v\d+$/),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
  unitid: z.string().min(1),
  aggregateversion: z.number().int().nonnegative(),
  correlationid: z.string().min(1),
  traceparent: z.string().optional(),
});
export type CloudEvent = z.infer<typeof CloudEvent>;

/** Builds the envelope schema of one event type and version. */
export const eventSchema = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  CloudEvent.extend({ type: z.literal(type), data });

/**
 * What an event carries of the request or event that caused it: the correlation id (the request id
 * at the edge, then every event's `correlationid`) and the W3C `traceparent`, when there was one.
 */
export interface Causation {
  readonly correlationId: string;
  readonly traceparent?: string | undefined;
}

export interface NewEvent<T extends string, D> {
  readonly type: T;
  readonly source: string;
  readonly subject: string;
  readonly unitId: string;
  readonly aggregateVersion: number;
  readonly correlationId: string;
  readonly time: Date;
  readonly data: D;
  readonly traceparent?: string | undefined;
}

/** Formats a date as ISO 8601 in China Standard Time, the offset users read. */
export const toCstIso = (date: Date): string => {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().replace('Z', '+08:00');
};

/** Wraps event data in a new envelope with a fresh UUIDv7 id. */
export const newEvent = <T extends string, D>(e: NewEvent<T, D>) => ({
  specversion: '1.0' as const,
  id: uuidv7(),
  source: e.source,
  type: e.type,
  subject: e.subject,
  time: toCstIso(e.time),
  datacontenttype: 'application/json' as const,
  data: e.data,
  unitid: e.unitId,
  aggregateversion: e.aggregateVersion,
  correlationid: e.correlationId,
  ...(e.traceparent ? { traceparent: e.traceparent } : {}),
});

/** The calendar date of `at` in China Standard Time (`YYYY-MM-DD`). */
export const cstDate = (at: Date): string => toCstIso(at).slice(0, 10);

/**
 * The event maker of one service (`source`), typed by its union of events: an event of `type` about
 * `subject` in `unitId` at its aggregate `version`, caused by `cause`, at `at`.
 */
export const eventMaker =
  <E extends { readonly type: string; readonly data: unknown }>(source: string) =>
  <T extends E['type']>(type: T, about: { readonly subject: string; readonly unitId: string; readonly version: number }, data: Extract<E, { type: T }>['data'], cause: Causation, at: Date): Extract<E, { type: T }> =>
    newEvent({
      type,
      source,
      subject: about.subject,
      unitId: about.unitId,
      aggregateVersion: about.version,
      correlationId: cause.correlationId,
      traceparent: cause.traceparent,
      time: at,
      data,
    }) as unknown as Extract<E, { type: T }>;
