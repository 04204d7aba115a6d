import { eventMaker } from '#events/envelope.js';
import type { InspectionsEvent } from '#events/index.js';

/** An `inspections` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const inspectionsEvent = eventMaker<InspectionsEvent>('/services/inspections');
