import disclosure from '../../service.js';
import { created, httpHandler } from '#shared/http/handler.js';
import { now } from '#shared/clock.js';
import { fileVillageClues } from '../app/villageClues.js';
import { routeDependencies } from './dependencies.js';

/** `POST /api/units/{unitId}/village-clues` */
export const handler = httpHandler(disclosure, 'fileVillageClues', routeDependencies, async ({ caller, path, body, correlationId, traceparent }) =>
  created(await fileVillageClues(caller, path.unitId, body, { correlationId, traceparent }, now())),
);
