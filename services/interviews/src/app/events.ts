import { eventMaker } from '#events/envelope.js';
import type { InterviewsEvent } from '#events/index.js';

/** An `interviews` event of `type` about `subject` in `unitId`, caused by `cause`, at `at`. */
export const interviewsEvent = eventMaker<InterviewsEvent>('/services/interviews');
