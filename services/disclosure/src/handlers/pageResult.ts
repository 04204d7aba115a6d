import type { HttpResult } from '#shared/http/handler.js';
import type { Page } from '../app/pages.js';

/** A page of the public site as the handler answers it. */
export const asHtml = (page: Page): HttpResult => ({ status: page.status, body: page.html, contentType: 'text/html; charset=utf-8', ...(page.headers ? { headers: page.headers } : {}) });
