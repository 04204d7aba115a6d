import interviews from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { viewNotice } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/warning-notices/{noticeId}` */
export const handler = httpHandler(interviews, 'viewNotice', routeDependencies, async ({ caller, path }) => ok(await viewNotice(caller, path.noticeId, now())));
