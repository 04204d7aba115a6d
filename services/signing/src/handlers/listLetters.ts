import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { listLetters } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/letters?year=` */
export const handler = httpHandler(signing, 'listLetters', routeDependencies, async ({ path, query }) => ok({ letters: await listLetters(path.unitId, query.year) }));
