import signing from '../../service.js';
import { html, httpHandler } from '#shared/http/handler.js';
import { viewLetter } from '../app/letters.js';
import { printLetter } from '../app/printLetter.js';
import { getUnit } from '../adapters/unitRepository.js';
import { routeDependencies } from './dependencies.js';

/** `GET /api/letters/{letterId}/print` */
export const handler = httpHandler(signing, 'printLetter', routeDependencies, async ({ path }) => {
  const letter = await viewLetter(path.letterId);
  const units = await Promise.all([letter.issuer.unitId, letter.recipient.unitId].map(getUnit));
  return html(printLetter(letter, new Map(units.flatMap((u) => (u ? [[u.id, u.name] as const] : [])))));
});
