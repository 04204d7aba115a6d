import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit, TalkSource } from './parts.js';

/**
 * The commission issued a warning notice (预警提示) to a person for a tendency; the person must
 * rectify and reply in writing by `replyDueAt`. `reports` registers the deadline with its engine.
 * The tendency described stays in the record.
 */
export const WarningNoticeIssuedData = z.object({
  noticeId: z.string().min(1),
  /** The unit of the person's post. */
  unitId: z.string().min(1),
  person: PersonInUnit,
  issuingUnitId: z.string().min(1),
  /** The leader in charge of the person, told when the reply is overdue. */
  leaderInCharge: PersonInUnit.nullable(),
  source: TalkSource,
  replyDueAt: z.iso.datetime({ offset: true }),
  actor: Actor,
});
export type WarningNoticeIssuedData = z.infer<typeof WarningNoticeIssuedData>;

export const WarningNoticeIssuedV1 = eventSchema('interviews.WarningNoticeIssued.v1', WarningNoticeIssuedData);
export type WarningNoticeIssuedV1 = z.infer<typeof WarningNoticeIssuedV1>;
