import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { viewTalk } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/talks/{talkId}` */
export const handler = httpHandler(interviews, 'viewTalk', routeDependencies, async ({ caller, path }) => ok(await viewTalk(caller, path.talkId, now())));
