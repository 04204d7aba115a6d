import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { viewPatrol } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/patrols/{patrolId}` */
export const handler = httpHandler(inspections, 'viewPatrol', routeDependencies, async ({ path }) => ok(await viewPatrol(path.patrolId)));
