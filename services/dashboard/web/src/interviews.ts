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

export interface Talk {
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
  readonly approvedBy: string | null;
  readonly interviewees: readonly Person[];
  readonly convenors: ReadonlyArray<Person & { readonly as: string }>;
  readonly attendees: readonly Person[];
  readonly problems: readonly string[];
  readonly demands: readonly string[];
  readonly followUp: string;
  readonly filedWithOffice: boolean;
  readonly positions: ReadonlyArray<{ readonly person: Person; readonly text: string | null; readonly at: string | null }>;
  readonly plan: readonly PlanItem[];
  readonly next: NextStep | null;
  readonly revision: number;
}

export interface JointSituation {
  readonly code: string;
  readonly text: string;
  readonly fromText: boolean;
}

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
  readonly unitName: string;
  readonly issuingUnitId: string;
  readonly person: Person;
  readonly leaderInCharge: Person | null;
  readonly source: Source;
  readonly tendency: string;
  readonly demands: string;
  readonly issuedAt: string;
  readonly replyDueAt: string;
  readonly status: WarningNoticeStatus;
  readonly overdue: boolean;
  readonly replies: readonly Reply[];
  readonly rectification: PlanItem | null;
  readonly revision: number;
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
