import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { replyToRecommendation } from '../app/patrols.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/recommendations/{recommendationId}/reply` */
export const handler = httpHandler(inspections, 'replyToRecommendation', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await replyToRecommendation(caller, path.unitId, path.recommendationId, body.text, now(), { correlationId, traceparent })));
