import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { commentOnKeyTaskRating } from '../app/keyTasks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/key-tasks/{taskId}/lights/{quarter}/comments` */
export const handler = httpHandler(reports, 'commentOnRating', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await commentOnKeyTaskRating(caller, path.unitId, path.taskId, { quarter: path.quarter, ...body }, now(), { correlationId, traceparent })));
