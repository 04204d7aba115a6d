import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { viewCase } from '../app/cases.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/cases/{caseId}` */
export const handler = httpHandler(inspections, 'viewCase', routeDependencies, async ({ caller, path }) => ok(await viewCase(caller, path.caseId, now())));
