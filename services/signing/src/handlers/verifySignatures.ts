import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { verifyUnitYear } from '../app/verify.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/signatures/verify?year=` */
export const handler = httpHandler(signing, 'verifySignatures', routeDependencies, async ({ path, query }) => {
  const { links: _links, letters: _letters, ...verification } = await verifyUnitYear(path.unitId, query.year);
  return ok(verification);
});
