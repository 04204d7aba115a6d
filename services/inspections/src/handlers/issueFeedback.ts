import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { issueFeedback } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/assessments/{assessmentId}/units/{assessedUnitId}/feedback-sheet` */
export const handler = httpHandler(inspections, 'issueFeedback', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await issueFeedback(caller, path.assessmentId, path.assessedUnitId, body, now(), { correlationId, traceparent })));
