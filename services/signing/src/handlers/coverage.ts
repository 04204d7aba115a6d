import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { coverage } from '../app/coverage.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/signing/coverage?year=` */
export const handler = httpHandler(signing, 'coverage', routeDependencies, async ({ caller, query }) => ok(await coverage(caller, query.year)));
