import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { scheduleHearing } from '../app/hearings.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/hearings` */
export const handler = httpHandler(reports, 'scheduleHearing', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await scheduleHearing(caller, path.unitId, body, now(), { correlationId, traceparent })));
