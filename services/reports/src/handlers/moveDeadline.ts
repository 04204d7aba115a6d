import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { moveDeadline } from '../app/calendar.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/deadline-calendar/{year}/{kind}` */
export const handler = httpHandler(reports, 'moveDeadline', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await moveDeadline(caller, path.year, path.kind, body, now(), { correlationId, traceparent })),
);
