import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { startAssessment } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/assessments` */
export const handler = httpHandler(inspections, 'startAssessment', routeDependencies, async ({ caller, path, body }) => created(await startAssessment(caller, path.unitId, body, now())));
