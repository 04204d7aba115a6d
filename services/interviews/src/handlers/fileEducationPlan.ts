import interviews from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { fileEducationPlan } from '../app/education.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/education-plans` */
export const handler = httpHandler(interviews, 'fileEducationPlan', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await fileEducationPlan(caller, path.unitId, body, now(), { correlationId, traceparent })));
