import dashboard from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { createLogger } from '#shared/logger.js';
import { readCursor } from '../adapters/cursor.js';

/** `GET /api/dashboard/cursor`: where the read models are, for an open dashboard to poll. */
export const handler = httpHandler(dashboard, 'changeCursor', { logger: createLogger('dashboard') }, async () => ok({ cursor: await readCursor() }));
