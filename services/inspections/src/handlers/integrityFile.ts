import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { integrityFile } from '../app/files.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/people/{personId}/integrity-file` */
export const handler = httpHandler(inspections, 'integrityFile', routeDependencies, async ({ caller, path }) => ok(await integrityFile(caller, path.unitId, path.personId, now())));
