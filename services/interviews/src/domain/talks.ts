/**
 * Talks (约谈) as rules: who may take each step of each kind, what the record holds, who must act
 * next, and who may read it. Pure functions; `now` and the people involved are passed in.
 *
 * A joint talk (联合谈话, Baoji) goes: the commission proposes it naming a trigger situation → the
 * host unit's party secretary approves → the four convenors hold it, the discipline chief chairing
 * and recording → the talked-to unit's secretary and its discipline head each state a position → the
 * unit's secretary submits a rectification plan, whose items the reports service opens and the
 * discipline body supervises. Other kinds are planned (or suggested by the service) and recorded
 * when held; the people talked to state their positions and a plan may follow.
 */
import { ConflictError, ForbiddenError, RuleError } from '#shared/errors.js';
import type { Caller } from '#shared/auth/claims.js';
import type { SourceKind, TalkKind } from '#events/interviews/parts.js';

/** A person in a post, as the signing service announced them. */
export interface Person {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly title: string;
  /** The post's role in the unit (secretary, deputySecretary, teamMember, disciplineChief). */
  readonly postRole: string;
}

export type TalkStatus = 'suggested' | 'proposed' | 'approved' | 'held' | 'rectifying' | 'closed';

export interface PlanItem {
  readonly requestId: string;
  readonly action: string;
  readonly dueDate: string;
  readonly rectificationId: string | null;
  readonly status: 'requested' | 'open' | 'closed';
}

export interface Position {
  readonly person: Person;
  readonly text: string | null;
  readonly at: string | null;
}

export interface Talk {
  readonly talkId: string;
  readonly kind: TalkKind;
  readonly status: TalkStatus;
  readonly unitId: string;
  readonly hostUnitId: string;
  readonly subject: string;
  readonly source: { readonly kind: SourceKind; readonly id: string; readonly summary: string };
  readonly trigger: { readonly code: string; readonly text: string } | null;
  readonly scheduledOn: string | null;
  readonly heldOn: string | null;
  readonly suggested: boolean;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly approvedBy: string | null;
  readonly interviewees: readonly Person[];
  readonly convenors: ReadonlyArray<Person & { readonly as: string }>;
  readonly attendees: readonly Person[];
  readonly problems: readonly string[];
  readonly demands: readonly string[];
  readonly followUp: string;
  readonly filedWithOffice: boolean;
  readonly positions: readonly Position[];
  /** The rectification plan by request id; each item is a rectification item of the reports service. */
  readonly plan: Readonly<Record<string, PlanItem>>;
  readonly revision: number;
}

/** What a talk is given when proposed; the rest of its record is empty until it is held. */
export type Proposal = Pick<Talk, 'talkId' | 'kind' | 'status' | 'unitId' | 'hostUnitId' | 'subject' | 'source' | 'trigger' | 'scheduledOn' | 'suggested' | 'proposedBy' | 'proposedAt' | 'interviewees'>;

/** A talk as proposed (or suggested): nothing held, approved, said or planned yet. */
export const proposedTalk = (proposal: Proposal): Talk => ({
  ...proposal,
  heldOn: null,
  approvedBy: null,
  convenors: [],
  attendees: [],
  problems: [],
  demands: [],
  followUp: '',
  filedWithOffice: false,
  positions: [],
  plan: {},
  revision: 1,
});

/** Roles that read every talk within their reach: the commission and the organisation department. */
const readersInReach = new Set(['discipline_inspector', 'organisation_dept']);

/**
 * Whether the caller may read a talk whose unit the route's guard already found in their reach:
 * the commission and the organisation department, the host unit's secretary for a joint talk (who
 * approves and convenes it), a convenor, whoever proposed or approved it, and the people talked to
 * or due to state a position (their own record). A unit's other staff, or its secretary when not a
 * party to it, may not.
 */
export const mayRead = (caller: Caller, talk: Talk): boolean =>
  readersInReach.has(caller.role) ||
  (talk.kind === 'joint' && caller.role === 'unit_secretary' && caller.unitId === talk.hostUnitId) ||
  talk.proposedBy === caller.subject ||
  talk.approvedBy === caller.subject ||
  talk.convenors.some((p) => p.personId === caller.subject) ||
  talk.interviewees.some((p) => p.personId === caller.subject) ||
  talk.positions.some((p) => p.person.personId === caller.subject);

/** The Chinese names of the four convenors of a joint talk, in order. */
export const jointConvenorTitles = {
  partySecretary: '党委书记',
  deputySecretary: '专职副书记',
  disciplineChief: '纪委书记',
  organisationChief: '组织部长',
} as const;
export type JointConvenorRole = keyof typeof jointConvenorTitles;

/** The post role each joint convenor must hold in the host unit; the organisation chief is a team member. */
const convenorPostRole: Record<JointConvenorRole, string> = {
  partySecretary: 'secretary',
  deputySecretary: 'deputySecretary',
  disciplineChief: 'disciplineChief',
  organisationChief: 'teamMember',
};

/** Who proposes: a joint talk only by the commission of a level above the unit (联谈建议). */
export const checkProposer = (caller: Caller, kind: TalkKind, unitAncestors: readonly string[]): void => {
  if (kind !== 'joint') return;
  if (caller.role !== 'discipline_inspector' || caller.unitId === undefined || !unitAncestors.includes(caller.unitId))
    throw new ForbiddenError('Only the commission of an upper level proposes a joint talk');
};

/** The party secretary of the host unit approves a proposed joint talk. */
export const approve = (talk: Talk, caller: Caller, secretaryIds: readonly string[]): Talk => {
  if (talk.kind !== 'joint') throw new ConflictError('Only a joint talk is approved before it is held');
  if (caller.unitId !== talk.hostUnitId || !secretaryIds.includes(caller.subject)) throw new ForbiddenError('Only the party secretary of the host unit approves this joint talk');
  if (talk.status !== 'proposed') throw new ConflictError(`The talk is ${talk.status}, not proposed`);
  return { ...talk, status: 'approved', approvedBy: caller.subject, revision: talk.revision + 1 };
};

/** What recording a held talk takes, the people already looked up. */
export interface HeldInput {
  readonly heldOn: string;
  readonly convenors: ReadonlyArray<Person & { readonly as: string }>;
  readonly attendees: readonly Person[];
  readonly problems: readonly string[];
  readonly demands: readonly string[];
  readonly followUp: string;
  readonly belowDivisionLevel: boolean;
}

/**
 * The four convenors of a joint talk, each the holder of the named post in the host unit
 * (`hostPosts`), and four different people.
 */
export const jointConvenors = (named: Readonly<Record<JointConvenorRole, string>>, hostPosts: readonly Person[]): Array<Person & { as: string }> => {
  const errors: Array<{ path: string; message: string }> = [];
  const found = (Object.keys(jointConvenorTitles) as JointConvenorRole[]).map((as) => {
    const person = hostPosts.find((p) => p.personId === named[as] && p.postRole === convenorPostRole[as]);
    if (!person) errors.push({ path: `convenors.${as}`, message: `${jointConvenorTitles[as]}须为主持单位在任的${jointConvenorTitles[as]}` });
    return person ? { ...person, as: jointConvenorTitles[as] } : undefined;
  });
  if (new Set(Object.values(named)).size !== 4) errors.push({ path: 'convenors', message: '联合谈话须由四位不同的领导共同主持' });
  if (errors.length > 0) throw new RuleError('The convenors of a joint talk are the four leaders named', errors);
  return found as Array<Person & { as: string }>;
};

/**
 * Who records a talk held, checked before anything of the record: a joint talk by the host unit's
 * discipline chief, who chairs it and is named as such among the convenors; any other by whoever
 * proposed it or someone of the host unit. Never by a person talked to.
 */
export const checkRecorder = (talk: Talk, caller: Caller, chairing: string | undefined): void => {
  if (talk.interviewees.some((p) => p.personId === caller.subject)) throw new ForbiddenError('A person talked to does not record the talk');
  if (talk.kind === 'joint') {
    if (caller.role !== 'discipline_inspector' || caller.unitId !== talk.hostUnitId || chairing !== caller.subject)
      throw new ForbiddenError('The host unit’s discipline chief chairs and records a joint talk');
    return;
  }
  if (caller.subject !== talk.proposedBy && caller.unitId !== talk.hostUnitId) throw new ForbiddenError('A talk is recorded by whoever planned it or by its host unit');
};

/**
 * Records the talk held (the recorder checked by {@link checkRecorder}). A joint talk must have been
 * approved; a talk cannot be held twice. The people who state a
 * position: for a joint talk the unit's secretary and its discipline head, for others the people
 * talked to.
 */
export const hold = (talk: Talk, caller: Caller, input: HeldInput, statingPositions: readonly Person[]): Talk => {
  checkRecorder(talk, caller, talk.kind === 'joint' ? input.convenors.find((c) => c.as === jointConvenorTitles.disciplineChief)?.personId : undefined);
  if (talk.kind === 'joint' && talk.status === 'proposed') throw new ConflictError('The joint talk is not approved yet');
  if (!['suggested', 'proposed', 'approved'].includes(talk.status)) throw new ConflictError(`The talk is already ${talk.status}`);
  if (statingPositions.length === 0) throw new RuleError('Nobody to state a position', [{ path: 'unitId', message: '被谈话单位没有在任的书记或纪检负责人' }]);
  return {
    ...talk,
    status: 'held',
    heldOn: input.heldOn,
    convenors: input.convenors,
    attendees: input.attendees,
    problems: input.problems,
    demands: input.demands,
    followUp: input.followUp,
    filedWithOffice: talk.kind === 'warning' && input.belowDivisionLevel,
    positions: statingPositions.map((person) => ({ person, text: null, at: null })),
    revision: talk.revision + 1,
  };
};

/** The people who state a position after the talk: the unit's secretary and discipline head (joint), else those talked to. */
export const statingPositionsOf = (talk: Talk, unitPosts: readonly Person[]): Person[] =>
  talk.kind === 'joint' ? unitPosts.filter((p) => p.postRole === 'secretary' || p.postRole === 'disciplineChief') : [...talk.interviewees];

/** The caller states their position: only someone due to, once, after the talk. */
export const statePosition = (talk: Talk, caller: Caller, text: string, at: string): Talk => {
  if (talk.status !== 'held') throw new ConflictError(`The talk is ${talk.status}`);
  const mine = talk.positions.find((p) => p.person.personId === caller.subject);
  if (!mine) throw new ForbiddenError('Only the people talked to state a position on this talk');
  if (mine.text !== null) throw new ConflictError('The position is already stated');
  return { ...talk, positions: talk.positions.map((p) => (p === mine ? { ...p, text, at } : p)), revision: talk.revision + 1 };
};

/** The unit's secretary submits the rectification plan once every position is stated. */
export const submitPlan = (talk: Talk, caller: Caller, unitSecretaryIds: readonly string[], items: readonly PlanItem[]): Talk => {
  if (caller.unitId !== talk.unitId || !unitSecretaryIds.includes(caller.subject)) throw new ForbiddenError('Only the secretary of the unit talked to submits its rectification plan');
  if (talk.status !== 'held') throw new ConflictError(talk.status === 'rectifying' ? 'A plan is already submitted' : `The talk is ${talk.status}`);
  if (talk.positions.some((p) => p.text === null)) throw new ConflictError('Every position must be stated before the plan');
  return { ...talk, status: 'rectifying', plan: Object.fromEntries(items.map((i) => [i.requestId, i])), revision: talk.revision + 1 };
};

/** Who must act next on a talk, and what, in Chinese. */
export const nextStep = (talk: Talk, hostSecretaries: readonly Person[], unitSecretaries: readonly Person[]): { step: string; who: string; personIds: string[] } | null => {
  const names = (people: readonly Person[]) => people.map((p) => p.name).join('、');
  switch (talk.status) {
    case 'suggested':
      return { step: '确认并安排谈话', who: '主管领导或纪委', personIds: [] };
    case 'proposed':
      return talk.kind === 'joint'
        ? { step: '批准联合谈话', who: `主持单位党委书记${names(hostSecretaries)}`, personIds: hostSecretaries.map((p) => p.personId) }
        : { step: '进行谈话并记录', who: '谈话人', personIds: [] };
    case 'approved':
      return { step: '召开联合谈话并记录', who: '主持单位纪委书记', personIds: [] };
    case 'held': {
      const waiting = talk.positions.filter((p) => p.text === null).map((p) => p.person);
      return waiting.length > 0
        ? { step: '表态', who: names(waiting), personIds: waiting.map((p) => p.personId) }
        : { step: '报送整改方案', who: `被谈话单位书记${names(unitSecretaries)}`, personIds: unitSecretaries.map((p) => p.personId) };
    }
    case 'rectifying':
      return { step: '落实整改（纪委监督）', who: '被谈话单位', personIds: [] };
    case 'closed':
      return null;
  }
};

/**
 * The talk's status as shown: a talk rectifying whose every plan item the reports service has
 * closed is closed. (The items' steps arrive one by one on `reports.events`; the talk is not
 * rewritten for each.)
 */
export const shownStatus = (talk: Talk): TalkStatus => {
  const items = Object.values(talk.plan);
  return talk.status === 'rectifying' && items.length > 0 && items.every((i) => i.status === 'closed') ? 'closed' : talk.status;
};
