/**
 * Talks, warning notices and integrity education as the dashboard counts them, per unit and year,
 * from `interviews.events`.
 *
 * A talk held, a talk suggested, a session, a training and a unit's plan of a year are each kept as
 * one fact under the identity of its record (the talk, the session, ...), never as a counter: a
 * redelivery, or a replay after the inbox has forgotten the event, writes the same fact again, and
 * every count is of distinct records. A warning notice keeps one step per event; whether it is
 * outstanding, overdue or accepted is the fold of its steps in the order they happened, whatever the
 * order they were applied in. Persons are never kept: the events name them by id, and the dashboard
 * answers counts.
 *
 * A fact counts in the CST year of its event's time, an education event in the year it names. A
 * notice counts in the year it was issued, its later steps with it, so that a reply in January to
 * a notice of December closes last year's notice rather than this year's.
 */
import { cstDate } from '#events/envelope.js';
import type {
  EducationPlanFiledV1,
  EducationSessionHeldV1,
  TalkHeldV1,
  TalkProposedV1,
  TrainingCompletedV1,
  WarningNoticeIssuedV1,
  WarningReplyAcceptedV1,
  WarningReplyOverdueV1,
  WarningReplyReceivedV1,
  WarningReplyReturnedV1,
} from '#events/index.js';
import { SourceKind, TalkKind } from '#events/interviews/parts.js';
import type { InterviewCounts, InterviewsOverview, UnitInterviews } from '../schemas.js';

/** The events of talks and education that the dashboard keeps as facts. */
export type RecordEvent = TalkProposedV1 | TalkHeldV1 | EducationPlanFiledV1 | EducationSessionHeldV1 | TrainingCompletedV1;

/** The events of a warning notice's life. */
export type NoticeEvent = WarningNoticeIssuedV1 | WarningReplyReceivedV1 | WarningReplyReturnedV1 | WarningReplyAcceptedV1 | WarningReplyOverdueV1;

/** What every fact says: the unit and the year it counts for. */
interface Counted {
  readonly unitId: string;
  readonly year: number;
}

export type InterviewsFact =
  | (Counted & { readonly kind: 'talkHeld'; readonly talkId: string; readonly talkKind: TalkKind; readonly sourceKind: SourceKind })
  | (Counted & { readonly kind: 'talkSuggested'; readonly talkId: string })
  | (Counted & { readonly kind: 'educationPlan' })
  | (Counted & { readonly kind: 'educationSession'; readonly sessionId: string; readonly attendance: number })
  | (Counted & { readonly kind: 'training'; readonly trainingId: string });

/** The year in China Standard Time of an envelope's `time`. */
export const cstYearOf = (time: string): number => Number(cstDate(new Date(time)).slice(0, 4));

/** The facts an event records: none for a talk a person proposed, which is not counted. */
export const factsOf = (event: RecordEvent): InterviewsFact[] => {
  switch (event.type) {
    case 'interviews.TalkProposed.v1':
      return event.data.suggested ? [{ kind: 'talkSuggested', unitId: event.data.unitId, year: cstYearOf(event.time), talkId: event.data.talkId }] : [];
    case 'interviews.TalkHeld.v1': {
      const { unitId, talkId, kind, source } = event.data;
      // A talk counts in the year it was held, as the talk calendar files it (recorded in January, held in December).
      return [{ kind: 'talkHeld', unitId, year: Number(event.data.heldOn.slice(0, 4)), talkId, talkKind: kind, sourceKind: source.kind }];
    }
    case 'interviews.EducationPlanFiled.v1':
      return [{ kind: 'educationPlan', unitId: event.data.unitId, year: event.data.year }];
    case 'interviews.EducationSessionHeld.v1': {
      const { unitId, year, sessionId, attendance } = event.data;
      return [{ kind: 'educationSession', unitId, year, sessionId, attendance }];
    }
    case 'interviews.TrainingCompleted.v1': {
      const { unitId, year, trainingId } = event.data;
      return [{ kind: 'training', unitId, year, trainingId }];
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown interviews event ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * What makes two facts the same, within their year: the same talk held or suggested, the same
 * session or training, the unit's plan (a later filing replaces the first). Led by the unit.
 */
export const identityOf = (fact: InterviewsFact): string => {
  const unit = `UNIT#${fact.unitId}`;
  switch (fact.kind) {
    case 'talkHeld':
      return `${unit}#TALK_HELD#${fact.talkId}`;
    case 'talkSuggested':
      return `${unit}#TALK_SUGGESTED#${fact.talkId}`;
    case 'educationPlan':
      return `${unit}#PLAN`;
    case 'educationSession':
      return `${unit}#SESSION#${fact.sessionId}`;
    case 'training':
      return `${unit}#TRAINING#${fact.trainingId}`;
    default: {
      const unknown: never = fact;
      throw new Error(`Unknown interviews fact ${JSON.stringify(unknown)}`);
    }
  }
};

/** A step of a warning notice: issued, replied to, the reply returned or accepted, or the reply overdue. */
export type NoticeStep = 'issued' | 'received' | 'returned' | 'accepted' | 'overdue';

/** A step with when it happened (the event's time) and the event, which breaks a tie of the same instant. */
export interface TimedStep {
  readonly at: string;
  readonly eventId: string;
  readonly step: NoticeStep;
}

/** The step an event takes its notice through. */
export const noticeStepOf = (event: NoticeEvent): NoticeStep => {
  switch (event.type) {
    case 'interviews.WarningNoticeIssued.v1':
      return 'issued';
    case 'interviews.WarningReplyReceived.v1':
      return 'received';
    case 'interviews.WarningReplyReturned.v1':
      return 'returned';
    case 'interviews.WarningReplyAccepted.v1':
      return 'accepted';
    case 'interviews.WarningReplyOverdue.v1':
      return 'overdue';
    default: {
      const unknown: never = event;
      throw new Error(`Unknown warning notice event ${JSON.stringify(unknown)}`);
    }
  }
};

/** Where a notice stands. */
export interface NoticeState {
  /** Its issue is known (a later step applied before it does not count the notice yet). */
  readonly issued: boolean;
  /** Waiting for a written reply: issued or returned, no reply since. */
  readonly outstanding: boolean;
  /** Waiting, and escalated as overdue since the last reply. */
  readonly overdue: boolean;
  /** The reply was accepted: the notice is closed. */
  readonly accepted: boolean;
}

/**
 * A notice's state from its steps, taken in the order they happened. `WarningReplyOverdue` comes
 * from the deadline engine's escalation, not from the notice's own versions, so the steps are
 * ordered by their events' times: an escalation that ran before a late reply is followed by it.
 *
 * @example
 * ```ts
 * import { foldNotice } from './interviews.js';
 *
 * const state = foldNotice([
 *   { at: '2041-05-06T10:00:00+08:00', eventId: 'a', step: 'issued' },
 *   { at: '2041-05-21T09:00:00+08:00', eventId: 'b', step: 'overdue' },
 * ]);
 * // state.outstanding and state.overdue are true
 * ```
 */
export const foldNotice = (steps: readonly TimedStep[]): NoticeState => {
  const ordered = [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.eventId.localeCompare(b.eventId));
  const lastOf = (kinds: readonly NoticeStep[]) => ordered.filter((s) => kinds.includes(s.step)).at(-1)?.step;
  const issued = ordered.some((s) => s.step === 'issued');
  const outstanding = issued && ['issued', 'returned'].includes(lastOf(['issued', 'received', 'returned', 'accepted']) ?? '');
  return {
    issued,
    outstanding,
    overdue: outstanding && lastOf(['received', 'overdue']) === 'overdue',
    accepted: issued && ordered.some((s) => s.step === 'accepted'),
  };
};

/** A warning notice as the dashboard holds it: its unit, the year it was issued in (once known) and its steps. */
export interface ProjectedNotice {
  readonly noticeId: string;
  readonly unitId: string;
  readonly issuedYear: number | undefined;
  readonly steps: readonly TimedStep[];
}

/** Every count at zero. */
export const noCounts = (): InterviewCounts => ({
  talksByKind: Object.fromEntries(TalkKind.options.map((k) => [k, 0])) as Record<TalkKind, number>,
  talksBySource: Object.fromEntries(SourceKind.options.map((k) => [k, 0])) as Record<SourceKind, number>,
  suggested: 0,
  noticesIssued: 0,
  noticesOutstanding: 0,
  noticesOverdue: 0,
  noticesAccepted: 0,
  planFiled: 0,
  sessions: 0,
  attendance: 0,
  trainings: 0,
});

/** Adds a fact to a unit's counts. */
const countFact = (counts: InterviewCounts, fact: InterviewsFact): void => {
  switch (fact.kind) {
    case 'talkHeld':
      counts.talksByKind[fact.talkKind] += 1;
      counts.talksBySource[fact.sourceKind] += 1;
      return;
    case 'talkSuggested':
      counts.suggested += 1;
      return;
    case 'educationPlan':
      counts.planFiled = 1;
      return;
    case 'educationSession':
      counts.sessions += 1;
      counts.attendance += fact.attendance;
      return;
    case 'training':
      counts.trainings += 1;
      return;
    default: {
      const unknown: never = fact;
      throw new Error(`Unknown interviews fact ${JSON.stringify(unknown)}`);
    }
  }
};

/** Adds a notice to a unit's counts. */
const countNotice = (counts: InterviewCounts, state: NoticeState): void => {
  counts.noticesIssued += 1;
  if (state.outstanding) counts.noticesOutstanding += 1;
  if (state.overdue) counts.noticesOverdue += 1;
  if (state.accepted) counts.noticesAccepted += 1;
};

/** `into` plus `counts`, key by key. */
const addCounts = (into: InterviewCounts, counts: InterviewCounts): void => {
  for (const kind of TalkKind.options) into.talksByKind[kind] += counts.talksByKind[kind];
  for (const kind of SourceKind.options) into.talksBySource[kind] += counts.talksBySource[kind];
  into.suggested += counts.suggested;
  into.noticesIssued += counts.noticesIssued;
  into.noticesOutstanding += counts.noticesOutstanding;
  into.noticesOverdue += counts.noticesOverdue;
  into.noticesAccepted += counts.noticesAccepted;
  into.planFiled += counts.planFiled;
  into.sessions += counts.sessions;
  into.attendance += counts.attendance;
  into.trainings += counts.trainings;
};

/**
 * The counts of `year` of each unit, in the order given, and their totals. Facts of another year and
 * notices not issued in it are left out; each fact counts once however often it is given.
 *
 * @example
 * ```ts
 * import { interviewsOverview } from './interviews.js';
 *
 * const overview = interviewsOverview(2041, [{ id: 'u', name: '北湖县', ancestorIds: [] }], [{ kind: 'training', unitId: 'u', year: 2041, trainingId: 't' }], []);
 * // overview.rows[0].trainings === 1, overview.totals.trainings === 1
 * ```
 */
export const interviewsOverview = (
  year: number,
  units: ReadonlyArray<{ readonly id: string; readonly name: string; readonly ancestorIds: readonly string[] }>,
  facts: readonly InterviewsFact[],
  notices: readonly ProjectedNotice[],
): InterviewsOverview => {
  const byUnit = new Map(units.map((u) => [u.id, noCounts()]));
  const distinct = new Map(facts.filter((f) => f.year === year).map((f) => [identityOf(f), f]));
  for (const fact of distinct.values()) {
    const counts = byUnit.get(fact.unitId);
    if (counts) countFact(counts, fact);
  }
  for (const notice of notices) {
    const counts = byUnit.get(notice.unitId);
    const state = foldNotice(notice.steps);
    if (counts && notice.issuedYear === year && state.issued) countNotice(counts, state);
  }
  const rows = units.map((u): UnitInterviews => ({ unitId: u.id, name: u.name, parentId: u.ancestorIds.at(-1) ?? null, ...byUnit.get(u.id)! }));
  const totals = noCounts();
  for (const row of rows) addCounts(totals, row);
  return { year, rows, totals };
};
