import interviews from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { recordTraining } from '../app/education.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/trainings` */
export const handler = httpHandler(interviews, 'recordTraining', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await recordTraining(caller, path.unitId, body, now(), { correlationId, traceparent })));
