import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { talkAccessLog } from '../app/talks.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/talks/{talkId}/access-log` */
export const handler = httpHandler(interviews, 'talkAccessLog', routeDependencies, async ({ path }) => ok(await talkAccessLog(path.talkId)));
