import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { viewCalendar } from '../app/calendar.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/deadline-calendar/{year}` */
export const handler = httpHandler(reports, 'viewCalendar', routeDependencies, async ({ path }) => ok(await viewCalendar(path.year)));
