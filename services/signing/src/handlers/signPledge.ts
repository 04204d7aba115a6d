import signing from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { signPledge } from '../app/risks.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/pledges/{pledgeId}/sign` */
export const handler = httpHandler(signing, 'signPledge', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  ok(await signPledge(caller, path.pledgeId, body.version, now(), { correlationId, traceparent })),
);
