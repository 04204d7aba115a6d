/**
 * Hearings (述责述廉 by 31 March) and rectification items. A hearing of a unit's secretary records
 * the questions and comments of named commission members; any comment can open a rectification
 * item, which runs open → evidence submitted → closed, or is rejected back to open. Rectification is
 * one model for every source (hearing now; talks, patrols, assessment later). Pure functions.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { PersonRef } from '#events/people.js';
import type { Evidence, RectificationSource } from '#events/reports/parts.js';
import { cstDate } from '#events/envelope.js';

export interface HearingComment {
  readonly commentId: string;
  readonly kind: 'question' | 'comment';
  readonly member: PersonRef;
  readonly text: string;
  readonly at: string;
  /** The rectification items the comment opened. */
  readonly rectificationIds: readonly string[];
}

export interface Hearing {
  readonly hearingId: string;
  readonly unitId: string;
  readonly year: number;
  readonly commissionUnitId: string;
  readonly secretary: PersonRef;
  readonly scheduledAt: string;
  readonly comments: readonly HearingComment[];
  readonly revision: number;
}

/** A hearing is held by 31 March of the year after the one reported on. */
export const checkHearingDate = (scheduledAt: Date, deadline: Date, year: number): void => {
  if (scheduledAt.getTime() > deadline.getTime()) {
    throw new RuleError('A hearing is held by 31 March', [{ path: 'scheduledAt', message: `${year}年度述责述廉须在${year + 1}年3月31日前完成` }]);
  }
};

export type RectificationStatus = 'open' | 'evidenceSubmitted' | 'closed';

export interface RectificationStep {
  readonly at: string;
  readonly status: RectificationStatus;
  readonly note: string;
  readonly by: string;
}

export interface Rectification {
  readonly rectificationId: string;
  readonly unitId: string;
  readonly source: RectificationSource;
  readonly action: string;
  readonly dueDate: string;
  readonly status: RectificationStatus;
  readonly evidence: readonly Evidence[];
  readonly history: readonly RectificationStep[];
  readonly revision: number;
}

/** Whether the item is overdue on `now`: not closed, and its due date (a CST calendar day) has passed. */
export const isOverdue = (item: Pick<Rectification, 'status' | 'dueDate'>, now: Date): boolean => item.status !== 'closed' && item.dueDate < cstDate(now);

const step = (status: RectificationStatus, note: string, by: string, at: string): RectificationStep => ({ at, status, note, by });

/** Evidence submitted by the owner unit: only an open item takes it. */
export const submitEvidence = (item: Rectification, note: string, evidence: readonly Evidence[], by: string, at: string): Rectification => {
  if (item.status !== 'open') throw new ConflictError(`The rectification item is ${item.status}; evidence is submitted for an open item`);
  return { ...item, status: 'evidenceSubmitted', evidence: [...item.evidence, ...evidence], history: [...item.history, step('evidenceSubmitted', note, by, at)], revision: item.revision + 1 };
};

/** The source verifies the evidence: closed, or rejected back to open with why. */
export const verify = (item: Rectification, decision: 'close' | 'reject', reason: string, by: string, at: string): Rectification => {
  if (item.status !== 'evidenceSubmitted') throw new ConflictError(`The rectification item is ${item.status}; only submitted evidence is verified`);
  if (decision === 'reject' && !reason.trim()) throw new RuleError('A rejection needs a reason', [{ path: 'reason', message: '退回须说明理由' }]);
  const status = decision === 'close' ? 'closed' : 'open';
  return { ...item, status, history: [...item.history, step(status, reason, by, at)], revision: item.revision + 1 };
};
