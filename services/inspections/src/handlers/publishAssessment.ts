import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { publish } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/assessments/{assessmentId}/publish` */
export const handler = httpHandler(inspections, 'publishAssessment', routeDependencies, async ({ caller, path, correlationId, traceparent }) => ok(await publish(caller, path.assessmentId, now(), { correlationId, traceparent })));
