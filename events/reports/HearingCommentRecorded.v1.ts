import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { HearingRef } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/** A commission member recorded a question (询问) or a comment (点评) at a hearing. */
export const HearingCommentRecordedData = HearingRef.extend({
  commentId: z.string().min(1),
  kind: z.enum(['question', 'comment']),
  member: PersonRef,
  text: z.string().min(1),
  actor: Actor,
});
export type HearingCommentRecordedData = z.infer<typeof HearingCommentRecordedData>;

export const HearingCommentRecordedV1 = eventSchema('reports.HearingCommentRecorded.v1', HearingCommentRecordedData);
export type HearingCommentRecordedV1 = z.infer<typeof HearingCommentRecordedV1>;
