import interviews from '../../service.js';
import { httpHandler, ok } from '#shared/http/handler.js';
import { jointSituations } from '../config.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/joint-talk-situations` */
export const handler = httpHandler(interviews, 'jointSituations', routeDependencies, async () => ok({ situations: jointSituations() }));
