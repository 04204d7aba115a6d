/**
 * What the pages work out from a talk: where it stands in its workflow (the joint talk's six steps,
 * the other kinds without the approval), which actions the signed-in person may take on it, and the
 * talk calendar by month. The API decides; these only decide what to offer, so a button is not shown
 * to someone the API would refuse anyway. They work from a talk's summary, which the lists give, so
 * that no talk's record is read to draw a list.
 */
import type { Session } from './session.js';
import type { Talk, TalkSummary } from './interviews.js';
import type { Role, TalkStep } from './terms.js';

/** Who is looking: the parts of the session the rules need. */
export type Viewer = Pick<Session, 'role' | 'unitId' | 'subject'>;

export interface WorkflowStep {
  readonly step: TalkStep;
  readonly state: 'done' | 'current' | 'todo';
}

const jointSteps: readonly TalkStep[] = ['propose', 'approve', 'hold', 'state', 'plan', 'rectify'];
const otherSteps: readonly TalkStep[] = jointSteps.filter((s) => s !== 'approve');

/**
 * A talk's record as the lists give it, for what an action answered to take its place in a list
 * and for the rules to read: the record's words left out, each position only stated or not.
 */
export const talkSummary = ({ convenors: _c, attendees: _a, problems: _p, demands: _d, followUp: _f, positions, ...rest }: Talk): TalkSummary => ({
  ...rest,
  positions: positions.map((p) => ({ person: p.person, stated: p.text !== null })),
});

/** The step the talk waits on; `null` once it is closed (every step done). */
export const currentStep = (talk: Pick<TalkSummary, 'kind' | 'status' | 'positions'>): TalkStep | null => {
  switch (talk.status) {
    case 'suggested':
      return 'propose';
    case 'proposed':
      return talk.kind === 'joint' ? 'approve' : 'hold';
    case 'approved':
      return 'hold';
    case 'held':
      return talk.positions.some((p) => !p.stated) ? 'state' : 'plan';
    case 'rectifying':
      return 'rectify';
    case 'closed':
      return null;
  }
};

/**
 * The talk's steps in order, each done, current or still to come. A joint talk is approved by the
 * host unit's party secretary before it is held; the other kinds go from proposal to the talk.
 *
 * @example
 * workflowOf({ kind: 'joint', status: 'approved', positions: [] }).map((s) => s.state);
 * // ['done', 'done', 'current', 'todo', 'todo', 'todo']
 */
export const workflowOf = (talk: Pick<TalkSummary, 'kind' | 'status' | 'positions'>): WorkflowStep[] => {
  const steps = talk.kind === 'joint' ? jointSteps : otherSteps;
  const current = currentStep(talk);
  const at = current === null ? steps.length : steps.indexOf(current);
  return steps.map((step, i) => ({ step, state: i < at ? 'done' : i === at ? 'current' : 'todo' }));
};

/** Whether the viewer is among those the talk waits on. */
export const isMyTurn = (talk: Pick<TalkSummary, 'next'>, viewer: Viewer): boolean => talk.next?.personIds.includes(viewer.subject) ?? false;

/** The host unit's party secretary approves a proposed joint talk. */
export const mayApprove = (talk: Pick<TalkSummary, 'kind' | 'status' | 'next' | 'hostUnitId'>, viewer: Viewer): boolean =>
  talk.kind === 'joint' && talk.status === 'proposed' && (isMyTurn(talk, viewer) || (viewer.role === 'unit_secretary' && viewer.unitId === talk.hostUnitId));

/** The viewer's own position still to state on a talk held, if there is one. */
export const positionDue = (talk: Pick<TalkSummary, 'status' | 'positions'>, viewer: Viewer): boolean =>
  talk.status === 'held' && talk.positions.some((p) => p.person.personId === viewer.subject && !p.stated);

/** The secretary of the unit talked to files the rectification plan once every position is stated. */
export const mayFilePlan = (talk: Pick<TalkSummary, 'status' | 'positions' | 'next' | 'unitId'>, viewer: Viewer): boolean =>
  talk.status === 'held' && talk.positions.every((p) => p.stated) && (isMyTurn(talk, viewer) || (viewer.role === 'unit_secretary' && viewer.unitId === talk.unitId));

/** The roles that propose and record talks. */
export const talkRoles: readonly Role[] = ['unit_secretary', 'organisation_dept', 'discipline_inspector'];

/**
 * Whether the viewer may record the talk as held: a joint talk once approved, by the host unit's
 * commission, which chairs it; any other kind, suggested or proposed, by the roles in charge.
 */
export const mayRecord = (talk: Pick<TalkSummary, 'kind' | 'status' | 'hostUnitId'>, viewer: Viewer): boolean =>
  talk.kind === 'joint'
    ? talk.status === 'approved' && viewer.role === 'discipline_inspector' && viewer.unitId === talk.hostUnitId
    : ['suggested', 'proposed', 'approved'].includes(talk.status) && talkRoles.includes(viewer.role);

/** The day a talk is on the calendar: when it was held, else when it is planned. */
export const talkDay = (talk: Pick<TalkSummary, 'heldOn' | 'scheduledOn'>): string | null => talk.heldOn ?? talk.scheduledOn;

export interface MonthOfTalks<T> {
  /** `YYYY-MM`, or `null` for the talks with no date yet. */
  readonly month: string | null;
  readonly talks: readonly T[];
}

/** The talks by month, months in order and each month's talks by day; those with no date last. */
export const talksByMonth = <T extends Pick<TalkSummary, 'heldOn' | 'scheduledOn'>>(talks: readonly T[]): MonthOfTalks<T>[] => {
  const months = new Map<string | null, T[]>();
  const dated = [...talks].sort((a, b) => (talkDay(a) ?? '9999').localeCompare(talkDay(b) ?? '9999'));
  for (const talk of dated) {
    const month = talkDay(talk)?.slice(0, 7) ?? null;
    const list = months.get(month);
    if (list) list.push(talk);
    else months.set(month, [talk]);
  }
  return [...months.entries()].map(([month, talks]) => ({ month, talks }));
};

/** A month in words: `2027-05` → `2027年5月`; no month → `未定日期`. */
export const monthName = (month: string | null): string => (month === null ? '未定日期' : `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`);
