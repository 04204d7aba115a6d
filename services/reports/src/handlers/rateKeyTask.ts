import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { rateKeyTask } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/key-tasks/{taskId}/lights` */
export const handler = httpHandler(reports, 'rateKeyTask', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await rateKeyTask(caller, path.unitId, path.taskId, body, now(), { correlationId, traceparent })));
