/**
 * What the pages work out from a warning notice: its status in words (逾期 flagged), who may reply,
 * who may review a reply, and the reply date a new notice proposes. They work from a notice's
 * summary, which the lists give, so that no notice's record is read to draw a list.
 */
import type { NoticeSummary, ReplySummary, WarningNotice } from './interviews.js';
import type { Viewer } from './talkRules.js';
import { warningNoticeStatusNames } from './terms.js';
import { addDays, todayCst } from './dates.js';

/**
 * Days a reply may take when the commission names no other date: the interviews service's
 * default (its `defaultReplyDays`), offered as the form's first value.
 */
const replyDaysDefault = 15;

/** The reply date a new notice proposes. */
export const defaultReplyDate = (now = new Date()): string => addDays(todayCst(now), replyDaysDefault);

/** A notice's record as the lists give it, for what an action answered to take its place in a list. */
export const noticeSummary = ({ tendency: _t, demands: _d, replies, ...rest }: WarningNotice): NoticeSummary => ({
  ...rest,
  replies: replies.map((r) => ({ at: r.at, onTime: r.onTime, decision: r.decision })),
});

/** The notice's status in words, `（逾期）` added when its reply is late. */
export const noticeStatusText = (notice: Pick<NoticeSummary, 'status' | 'overdue'>): string => `${warningNoticeStatusNames[notice.status]}${notice.overdue ? '（逾期）' : ''}`;

/** The badge a notice's status shows with. */
export const noticeBadge = (notice: Pick<NoticeSummary, 'status' | 'overdue'>): string =>
  notice.status === 'accepted' ? 'accepted' : notice.overdue ? 'missing' : notice.status === 'returned' ? 'returned' : notice.status === 'replied' ? 'submitted' : 'draft';

/** The person warned replies to a notice issued, or returned to them. */
export const mayReply = (notice: Pick<NoticeSummary, 'status' | 'person'>, viewer: Viewer): boolean =>
  (notice.status === 'issued' || notice.status === 'returned') && notice.person.personId === viewer.subject;

/** The commission reviews a reply awaiting it. */
export const mayReview = (notice: Pick<NoticeSummary, 'status'>, viewer: Viewer): boolean => notice.status === 'replied' && viewer.role === 'discipline_inspector';

/** The reply the commission reviews: the last one, not decided yet (with its words when the notice is the record). */
export const replyUnderReview = <R extends ReplySummary>(notice: { readonly replies: readonly R[] }): R | undefined => {
  const last = notice.replies.at(-1);
  return last && last.decision === null ? last : undefined;
};
