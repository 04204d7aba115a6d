import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { myTalks } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/my/talks` */
export const handler = httpHandler(interviews, 'myTalks', routeDependencies, async ({ caller }) => ok(await myTalks(caller, now())));
