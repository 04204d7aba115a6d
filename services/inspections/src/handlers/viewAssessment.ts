import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { viewAssessment } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/assessments/{assessmentId}` */
export const handler = httpHandler(inspections, 'viewAssessment', routeDependencies, async ({ path }) => ok(await viewAssessment(path.assessmentId)));
