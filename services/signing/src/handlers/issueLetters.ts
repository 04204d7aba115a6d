import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { issueLetters } from '../app/letters.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/letters` */
export const handler = httpHandler(signing, 'issueLetters', routeDependencies, async ({ caller, unit, body, correlationId, traceparent }) => {
  const plan = await issueLetters(caller, unit!, body.year, now(), { correlationId, traceparent }, body.subordinates ?? false);
  return ok({ issued: plan.letters, notIssued: plan.notIssued });
});
