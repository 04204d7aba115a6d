import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { veto } from '../app/assessments.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/assessments/{assessmentId}/units/{assessedUnitId}/veto` */
export const handler = httpHandler(inspections, 'vetoUnit', routeDependencies, async ({ caller, path, body }) => ok(await veto(caller, path.assessmentId, path.assessedUnitId, body, now())));
