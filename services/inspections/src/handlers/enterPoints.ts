import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { enterPoints } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `PUT /api/assessments/{assessmentId}/units/{assessedUnitId}/entries/{indicatorId}` */
export const handler = httpHandler(inspections, 'enterPoints', routeDependencies, async ({ caller, path, body }) => ok(await enterPoints(caller, path.assessmentId, path.assessedUnitId, path.indicatorId, body, now())));
