import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { viewLetter } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/letters/{letterId}` */
export const handler = httpHandler(signing, 'viewLetter', routeDependencies, async ({ path }) => ok(await viewLetter(path.letterId)));
