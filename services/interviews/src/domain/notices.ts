/**
 * Warning notices (预警提示) as rules: the person warned replies in writing by the deadline; the
 * commission that issued it accepts the reply or returns it with a reason and a new date; a reply
 * not come by the deadline is escalated by the deadline engine and shown overdue. Pure functions.
 */
import { ConflictError, ForbiddenError, RuleError } from '#shared/errors.js';
import type { Caller } from '#shared/auth/claims.js';
import type { SourceKind } from '#events/interviews/parts.js';
import type { Person, PlanItem } from './talks.js';

export type NoticeStatus = 'issued' | 'replied' | 'returned' | 'accepted';

export interface Reply {
  readonly text: string;
  readonly at: string;
  readonly onTime: boolean;
  readonly decision: 'accepted' | 'returned' | null;
  readonly reason: string | null;
}

export interface WarningNotice {
  readonly noticeId: string;
  readonly unitId: string;
  readonly issuingUnitId: string;
  readonly issuedBy: string;
  readonly person: Person;
  readonly leaderInCharge: Person | null;
  readonly source: { readonly kind: SourceKind; readonly id: string; readonly summary: string };
  readonly tendency: string;
  readonly demands: string;
  readonly issuedAt: string;
  readonly replyDueAt: string;
  readonly status: NoticeStatus;
  /** The due time the deadline engine escalated as missed, if it did. */
  readonly overdueFor?: string;
  readonly replies: readonly Reply[];
  readonly rectification: PlanItem | null;
  readonly revision: number;
}

/** Whether the reply is overdue: the engine escalated the deadline that stands, and no reply has come since. */
export const isOverdue = (notice: WarningNotice): boolean =>
  (notice.status === 'issued' || notice.status === 'returned') && notice.overdueFor !== undefined && Date.parse(notice.overdueFor) === Date.parse(notice.replyDueAt);

/** The end of a CST day, the moment a reply is due. */
export const endOfDay = (date: string): string => `${date}T23:59:59+08:00`;

/** A reply date must still be ahead: a deadline in the past would be overdue as it is set. */
export const checkReplyDate = (date: string, now: Date, path: string): string => {
  const dueAt = endOfDay(date);
  if (Date.parse(dueAt) <= now.getTime()) throw new RuleError('The reply date must be in the future', [{ path, message: '回复期限须晚于今天' }]);
  return dueAt;
};

/**
 * Who reads a notice within reach: the person warned, their leader in charge, whoever issued it,
 * the commission and the organisation department.
 */
export const mayReadNotice = (caller: Caller, notice: WarningNotice): boolean =>
  caller.role === 'discipline_inspector' ||
  caller.role === 'organisation_dept' ||
  notice.person.personId === caller.subject ||
  notice.leaderInCharge?.personId === caller.subject ||
  notice.issuedBy === caller.subject;

/** The person warned replies: once per round (after a return, again), never after acceptance. */
export const reply = (notice: WarningNotice, caller: Caller, text: string, now: Date, at: string): WarningNotice => {
  if (notice.person.personId !== caller.subject) throw new ForbiddenError('Only the person warned replies to the notice');
  if (notice.status === 'replied') throw new ConflictError('The reply is already received and awaits review');
  if (notice.status === 'accepted') throw new ConflictError('The reply is already accepted');
  const onTime = now.getTime() <= Date.parse(notice.replyDueAt);
  return {
    ...notice,
    status: 'replied',
    replies: [...notice.replies, { text, at, onTime, decision: null, reason: null }],
    revision: notice.revision + 1,
  };
};

/** The issuing commission accepts the reply, or returns it with a reason and a new date. */
export const review = (notice: WarningNotice, caller: Caller, decision: { readonly decision: 'accept' | 'return'; readonly reason?: string | undefined; readonly replyDueAt?: string | undefined }): WarningNotice => {
  if (caller.unitId !== notice.issuingUnitId) throw new ForbiddenError('Only the commission that issued the notice reviews the reply');
  if (notice.status !== 'replied') throw new ConflictError('There is no reply to review');
  if (decision.decision === 'return' && (!decision.reason || !decision.replyDueAt))
    throw new RuleError('A return needs a reason and a new date', [
      ...(decision.reason ? [] : [{ path: 'reason', message: '退回须说明理由' }]),
      ...(decision.replyDueAt ? [] : [{ path: 'replyDueDate', message: '退回须给出新的回复期限' }]),
    ]);
  const last = notice.replies.length - 1;
  const replies = notice.replies.map((r, i) => (i === last ? { ...r, decision: decision.decision === 'accept' ? ('accepted' as const) : ('returned' as const), reason: decision.reason ?? null } : r));
  return decision.decision === 'accept'
    ? { ...notice, status: 'accepted', replies, revision: notice.revision + 1 }
    : { ...notice, status: 'returned', replies, replyDueAt: decision.replyDueAt!, revision: notice.revision + 1 };
};

