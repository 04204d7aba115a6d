import disclosure from '../../service.js';
import { publicHandler } from '#shared/http/handler.js';
import { complaintFormPage } from '../app/pages.js';
import { logger } from './dependencies.js';
import { asHtml } from './pageResult.js';

/** `GET /api/public/site/complaint` */
export const handler = publicHandler(disclosure, 'complaintFormPage', { logger }, async () => asHtml(await complaintFormPage()));
