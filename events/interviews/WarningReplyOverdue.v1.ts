import { z } from 'zod';
import { eventSchema } from '../envelope.js';

/**
 * No written reply came by the deadline: the deadline engine escalated it to the upper committee and
 * the commission (`escalationId`, from `reports.DeadlineEscalated`), and the notice now shows overdue.
 */
export const WarningReplyOverdueData = z.object({
  noticeId: z.string().min(1),
  unitId: z.string().min(1),
  replyDueAt: z.iso.datetime({ offset: true }),
  escalationId: z.string().min(1),
});
export type WarningReplyOverdueData = z.infer<typeof WarningReplyOverdueData>;

export const WarningReplyOverdueV1 = eventSchema('interviews.WarningReplyOverdue.v1', WarningReplyOverdueData);
export type WarningReplyOverdueV1 = z.infer<typeof WarningReplyOverdueV1>;
