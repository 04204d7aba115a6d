import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { openCase } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/cases` */
export const handler = httpHandler(inspections, 'openCase', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await openCase(caller, path.unitId, body, now(), { correlationId, traceparent })));
