import disclosure from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { listComplaints } from '../app/complaints.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/units/{unitId}/complaints` */
export const handler = httpHandler(disclosure, 'listComplaints', routeDependencies, async ({ path }) => ok({ complaints: await listComplaints(path.unitId, now()) }));
