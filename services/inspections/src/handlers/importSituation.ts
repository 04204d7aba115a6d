import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { importSituation } from '../app/situationReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/situation-reports` */
export const handler = httpHandler(inspections, 'importSituation', routeDependencies, async ({ caller, path, body }) => created(await importSituation(caller, path.unitId, body, now())));
