import inspections from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { issueRecommendation } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/recommendations` */
export const handler = httpHandler(inspections, 'issueRecommendation', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => created(await issueRecommendation(caller, path.unitId, body, now(), { correlationId, traceparent })));
