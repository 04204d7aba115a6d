import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { educationLedger } from '../app/education.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/education-ledger` */
export const handler = httpHandler(interviews, 'educationLedger', routeDependencies, async ({ path, query }) => ok(await educationLedger(path.unitId, query.year)));
