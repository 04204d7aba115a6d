import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { exemptionSituations } from '../config.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/exemption-situations` */
export const handler = httpHandler(inspections, 'exemptionSituations', routeDependencies, async () => ok({ situations: exemptionSituations() }));
