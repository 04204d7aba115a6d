import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { lettersOf } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/reminder-letters` */
export const handler = httpHandler(inspections, 'listLetters', routeDependencies, async ({ path, query }) => ok(await lettersOf(path.unitId, query.year)));
