import { eventMaker } from '#events/envelope.js';
import type { DisclosureEvent } from '#events/index.js';

/** A `disclosure` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const disclosureEvent = eventMaker<DisclosureEvent>('/services/disclosure');
