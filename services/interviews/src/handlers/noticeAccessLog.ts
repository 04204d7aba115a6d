import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { noticeAccessLog } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/warning-notices/{noticeId}/access-log` */
export const handler = httpHandler(interviews, 'noticeAccessLog', routeDependencies, async ({ path }) => ok(await noticeAccessLog(path.noticeId)));
