import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { myNotices } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/my/warning-notices` */
export const handler = httpHandler(interviews, 'myNotices', routeDependencies, async ({ caller }) => ok(await myNotices(caller)));
