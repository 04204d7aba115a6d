import reports from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { handleReportCommand } from '../app/annualReports.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/annual-reports/{year}/return` */
export const handler = httpHandler(reports, 'returnReport', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) => ok(await handleReportCommand(caller, { kind: 'return', ...path, by: caller.role === 'discipline_inspector' ? 'disciplineCommission' : 'upperCommittee', reason: body.reason }, now(), { correlationId, traceparent })));
