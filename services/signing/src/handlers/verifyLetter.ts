import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { verifyLetter } from '../app/verify.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/letters/{letterId}/verify` */
export const handler = httpHandler(signing, 'verifyLetter', routeDependencies, async ({ path }) => ok(await verifyLetter(path.letterId)));
