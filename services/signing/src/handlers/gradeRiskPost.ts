import signing from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { gradeRiskPost } from '../app/risks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/risk-posts` */
export const handler = httpHandler(signing, 'gradeRiskPost', routeDependencies, async ({ caller, unit, body, correlationId, traceparent }) =>
  created(await gradeRiskPost(caller, unit!, body, now(), { correlationId, traceparent })),
);
