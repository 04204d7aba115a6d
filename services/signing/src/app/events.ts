import { newEvent, toCstIso, type Causation } from '#events/envelope.js';
import type { SigningEvent } from '#events/index.js';

type Of<T extends SigningEvent['type']> = Extract<SigningEvent, { type: T }>;

/** A `signing` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const signingEvent = <T extends SigningEvent['type']>(
  type: T,
  about: { readonly subject: string; readonly unitId: string; readonly version: number },
  data: Of<T>['data'],
  cause: Causation,
  at: Date,
): Of<T> =>
  newEvent({
    type,
    source: '/services/signing',
    subject: about.subject,
    unitId: about.unitId,
    aggregateVersion: about.version,
    correlationId: cause.correlationId,
    traceparent: cause.traceparent,
    time: at,
    data,
  }) as unknown as Of<T>;

/** The calendar date of `at` in China Standard Time (`YYYY-MM-DD`). */
export const cstDate = (at: Date): string => toCstIso(at).slice(0, 10);
