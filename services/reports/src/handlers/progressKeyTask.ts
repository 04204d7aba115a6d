import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { progressKeyTask } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/key-tasks/{taskId}/progress` */
export const handler = httpHandler(reports, 'progressKeyTask', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await progressKeyTask(caller, path.unitId, path.taskId, body, now(), { correlationId, traceparent })));
