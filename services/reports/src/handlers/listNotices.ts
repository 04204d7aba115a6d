import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { listNotices } from '../app/notices.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/notices[?unread=true][&limit=N]` */
export const handler = httpHandler(reports, 'listNotices', routeDependencies, async ({ caller, query }) =>
  ok(await listNotices(caller, { unreadOnly: query.unread === 'true', limit: query.limit ?? 50 })),
);
