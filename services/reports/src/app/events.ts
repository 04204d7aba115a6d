import { eventMaker } from '#events/envelope.js';
import type { ReportsEvent } from '#events/index.js';

/** A `reports` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const reportsEvent = eventMaker<ReportsEvent>('/services/reports');
