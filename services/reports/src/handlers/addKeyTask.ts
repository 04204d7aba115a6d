import reports from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { addKeyTask } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/key-tasks` */
export const handler = httpHandler(reports, 'addKeyTask', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await addKeyTask(caller, path.unitId, body, now(), { correlationId, traceparent })));
