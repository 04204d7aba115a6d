import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { markNoticeRead } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/notices/{noticeId}/read` */
export const handler = httpHandler(reports, 'markNoticeRead', routeDependencies, async ({ caller, path }) => ok(await markNoticeRead(caller, path.noticeId)));
