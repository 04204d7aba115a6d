import interviews from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { issueNotice } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/warning-notices` */
export const handler = httpHandler(interviews, 'issueNotice', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await issueNotice(caller, path.unitId, body, now(), { correlationId, traceparent })));
