/** Parts that several `interviews` events share. */
import { z } from 'zod';

/** The kinds of talk (约谈): integrity, reminder, warning (警醒约谈), joint (联合谈话) and admonishment (诫勉谈话). */
export const TalkKind = z.enum(['integrity', 'reminder', 'warning', 'joint', 'admonishment']);
export type TalkKind = z.infer<typeof TalkKind>;

/**
 * Where a talk or a warning notice comes from: a typed reference to the record behind it, so that an
 * overseer sees why it happened and new kinds plug in. The reports kinds are checked against what
 * `reports.events` announced; patrol findings and complaints name their services' records; a
 * year-end assessment's ranking (`<assessmentId>#<unitId>`) is announced on `inspections.events`; online
 * opinion, a hotline clue, supervision and a plain decision are entered by hand with a note.
 */
export const SourceKind = z.enum(['keyTaskLight', 'hearingComment', 'rectification', 'patrolFinding', 'complaint', 'onlineOpinion', 'hotline', 'supervision', 'manual', 'assessment']);
export type SourceKind = z.infer<typeof SourceKind>;

export const TalkSource = z.object({
  kind: SourceKind,
  /** The record's id in its service (a key task's quarter as `<taskId>#Q<n>`, a comment's id…); for a hand-entered clue, its own id. */
  id: z.string().min(1),
});
export type TalkSource = z.infer<typeof TalkSource>;

/** A person as the interviews events name them: an id of the signing service and the unit of their post, never a name. */
export const PersonInUnit = z.object({ personId: z.string().min(1), unitId: z.string().min(1) });
export type PersonInUnit = z.infer<typeof PersonInUnit>;

/**
 * The deadline engine's subject of the written reply to a warning notice (kind `external` of
 * `reports`): the interviews service registers it, and knows its notice again when escalated.
 */
export const replyDeadlineSubject = (noticeId: string): string => `warningNotice.${noticeId}`;

/** The notice a deadline subject names, if it names one. */
export const noticeOfSubject = (subject: string): string | undefined => (subject.startsWith('warningNotice.') ? subject.slice('warningNotice.'.length) : undefined);
