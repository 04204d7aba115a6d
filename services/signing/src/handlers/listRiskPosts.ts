import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { listRiskPosts } from '../app/risks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/risk-posts` */
export const handler = httpHandler(signing, 'listRiskPosts', routeDependencies, async ({ path }) => ok({ riskPosts: await listRiskPosts(path.unitId) }));
