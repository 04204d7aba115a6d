import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { closeKeyTask } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/key-tasks/{taskId}/close` */
export const handler = httpHandler(reports, 'closeKeyTask', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await closeKeyTask(caller, path.unitId, path.taskId, body, now(), { correlationId, traceparent })));
