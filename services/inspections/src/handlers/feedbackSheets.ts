import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { feedbackSheets } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/feedback-sheets` */
export const handler = httpHandler(inspections, 'feedbackSheets', routeDependencies, async ({ path, query }) => ok(await feedbackSheets(path.unitId, query.year)));
