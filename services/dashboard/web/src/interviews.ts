/**
 * The answers of the interviews service (talks, warning notices, the education ledger and the
 * ledger sums), of the dashboard's interviews overview and of the signing service's posts, as the
 * pages read them. The services' schemas are the contract; these are the parts the pages show.
 */
import type { EducationForm, SourceKind, TalkKind, TalkStatus, WarningNoticeStatus } from './terms.js';

/** A person in a post, as the interviews service names them. */
export interface Person {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly title: string;
}

/** Where a talk or a notice came from, with the service's summary of the record behind it. */
export interface Source {
  readonly kind: SourceKind;
  readonly id: string;
  readonly summary: string;
}

/** An item of a rectification plan, opened as a rectification item of the reports service. */
export interface PlanItem {
  readonly requestId: string;
  readonly action: string;
  readonly dueDate: string;
  readonly rectificationId: string | null;
  readonly status: 'requested' | 'open' | 'closed';
}

/** Who must act next on a talk, and what, in Chinese; `null` once it is closed. */
export interface NextStep {
  readonly step: string;
  readonly who: string;
  readonly personIds: readonly string[];
}

/** What a talk's summary and its record both carry. */
interface TalkHead {
  readonly talkId: string;
  readonly kind: TalkKind;
  readonly status: TalkStatus;
  readonly unitId: string;
  readonly unitName: string;
  readonly hostUnitId: string;
  readonly subject: string;
  readonly source: Source;
  readonly trigger: { readonly code: string; readonly text: string } | null;
  readonly scheduledOn: string | null;
  readonly heldOn: string | null;
  readonly suggested: boolean;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly approvedBy: string | null;
  readonly interviewees: readonly Person[];
  readonly filedWithOffice: boolean;
  readonly plan: readonly PlanItem[];
  readonly next: NextStep | null;
  readonly revision: number;
}

/**
 * A talk as the lists give it (`GET /api/units/{unitId}/talks`, `GET /api/my/talks`): its calendar
 * entry, steps and who must act next, and whether each position is stated, but not the record's
 * words, which only a read of the talk itself gives (and the service records).
 */
export interface TalkSummary extends TalkHead {
  readonly positions: ReadonlyArray<{ readonly person: Person; readonly stated: boolean }>;
}

/** A talk's record: `GET /api/talks/{talkId}`, and what each action on the talk answers. */
export interface Talk extends TalkHead {
  readonly convenors: ReadonlyArray<Person & { readonly as: string }>;
  readonly attendees: readonly Person[];
  readonly problems: readonly string[];
  readonly demands: readonly string[];
  readonly followUp: string;
  readonly positions: ReadonlyArray<{ readonly person: Person; readonly text: string | null; readonly at: string | null }>;
}

export interface JointSituation {
  readonly code: string;
  readonly text: string;
  readonly fromText: boolean;
}

/** A reply as the lists give it: when, whether on time, and the commission's decision. */
export interface ReplySummary {
  readonly at: string;
  readonly onTime: boolean;
  readonly decision: 'accepted' | 'returned' | null;
}

/** A reply with its words and, when returned, why. */
export interface Reply extends ReplySummary {
  readonly text: string;
  readonly reason: string | null;
}

/**
 * A warning notice as the lists give it (`GET /api/units/{unitId}/warning-notices`,
 * `GET /api/my/warning-notices`): whom, from where, when due, its status and its replies' dates and
 * decisions, but not the tendency, the demands or the replies' words, which only a read of the
 * notice itself gives (and the service records).
 */
export interface NoticeSummary {
  readonly noticeId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly issuingUnitId: string;
  readonly person: Person;
  readonly leaderInCharge: Person | null;
  readonly source: Source;
  readonly issuedAt: string;
  readonly replyDueAt: string;
  readonly status: WarningNoticeStatus;
  readonly overdue: boolean;
  readonly replies: readonly ReplySummary[];
  readonly rectification: PlanItem | null;
  readonly revision: number;
}

/** A warning notice's record: `GET /api/warning-notices/{noticeId}`, and what each action on it answers. */
export interface WarningNotice extends NoticeSummary {
  readonly tendency: string;
  readonly demands: string;
  readonly replies: readonly Reply[];
}

export interface EducationLedger {
  readonly unitId: string;
  readonly year: number;
  readonly plan: { readonly planId: string; readonly title: string; readonly content: string; readonly sessionsPlanned: number; readonly filedAt: string; readonly commissionUnitId: string } | null;
  readonly sessions: ReadonlyArray<{ readonly sessionId: string; readonly heldOn: string; readonly form: EducationForm; readonly topic: string; readonly attendance: number }>;
  readonly trainings: ReadonlyArray<{ readonly trainingId: string; readonly person: Person; readonly course: string; readonly completedOn: string }>;
}

export interface LedgerSumsRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly planFiled: number;
  readonly sessions: number;
  readonly attendance: number;
  readonly trainings: number;
  readonly noticesIssued: number;
  readonly repliesOnTime: number;
  readonly repliesLate: number;
  readonly repliesAccepted: number;
  readonly repliesReturned: number;
  readonly repliesOverdue: number;
  readonly talksHeld: Partial<Record<TalkKind, number>>;
  readonly talksSuggested: number;
}

export interface LedgerSums {
  readonly unitId: string;
  readonly year: number;
  readonly rows: readonly LedgerSumsRow[];
  readonly total: Omit<LedgerSumsRow, 'unitId' | 'unitName'>;
}

/** The counters of a unit in the dashboard's interviews overview. */
export interface InterviewCounts {
  readonly talksByKind: Record<TalkKind, number>;
  readonly talksBySource: Partial<Record<SourceKind, number>>;
  readonly suggested: number;
  readonly noticesIssued: number;
  readonly noticesOutstanding: number;
  readonly noticesOverdue: number;
  readonly noticesAccepted: number;
  readonly planFiled: number;
  readonly sessions: number;
  readonly attendance: number;
  readonly trainings: number;
}

export interface InterviewsRow extends InterviewCounts {
  readonly unitId: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** `GET /api/dashboard/interviews?year=`: the units in the caller's reach. */
export interface InterviewsOverview {
  readonly year: number;
  readonly rows: readonly InterviewsRow[];
  readonly totals: InterviewCounts;
}

/** A post of a unit, as the signing service lists them (`GET /api/units/{unitId}/posts`). */
export interface Post {
  readonly postId: string;
  readonly unitId: string;
  readonly personId: string;
  readonly name: string;
  readonly role: 'secretary' | 'deputySecretary' | 'teamMember' | 'disciplineChief';
  readonly title: string;
}
