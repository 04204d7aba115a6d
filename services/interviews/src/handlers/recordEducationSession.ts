import interviews from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recordEducationSession } from '../app/education.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/education-sessions` */
export const handler = httpHandler(interviews, 'recordEducationSession', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await recordEducationSession(caller, path.unitId, body, now(), { correlationId, traceparent })));
