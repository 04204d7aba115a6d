import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { signedInItems } from '../app/publication.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/published-items?unitId=&kind=` */
export const handler = httpHandler(disclosure, 'signedInItems', routeDependencies, async ({ caller, query }) => ok(await signedInItems(caller, query)));
