import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listAssessments } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/assessments` */
export const handler = httpHandler(inspections, 'listAssessments', routeDependencies, async ({ path, query }) => ok(await listAssessments(path.unitId, query.year)));
