import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { unitPledges } from '../adapters/riskRepository.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/pledges?year=` */
export const handler = httpHandler(signing, 'listPledges', routeDependencies, async ({ path, query }) => ok({ pledges: await unitPledges(path.unitId, query.year) }));
