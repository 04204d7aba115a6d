import inspections from '../../service.js';
import { ok, httpHandler } from '#shared/http/handler.js';
import { doubleInquirySituations } from '../config.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/double-inquiry-situations` */
export const handler = httpHandler(inspections, 'doubleInquirySituations', routeDependencies, async () => ok({ situations: doubleInquirySituations() }));
