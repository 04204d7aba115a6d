import { eventMaker } from '#events/envelope.js';
import type { SigningEvent } from '#events/index.js';

export { cstDate } from '#events/envelope.js';

/** A `signing` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const signingEvent = eventMaker<SigningEvent>('/services/signing');
