/**
 * An accountability case (问责案件) from its clue to its close: the two extra investigations of
 * 一案双查 where the situation is listed, graded measures and the bans they bring, escalation one
 * level up, fault-tolerance exemption through a request and a decision with its clarification
 * notice, clearing, look-back and follow-up visits. Pure functions over the case's state; who may
 * act is the handling commission (or one above it), judged by the caller's unit.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { CaseSource, InquiryKind, PersonInUnit } from '#events/inspections/parts.js';
import { bansOf, inquiriesFor, lookBack, measures, type Ban, type BanRules, type CaseStatus, type DoubleInquirySituation, type MeasureKind } from './accountability.js';

export interface CasePerson extends PersonInUnit {
  readonly name: string;
  readonly title: string;
}

export interface Inquiry {
  readonly kind: InquiryKind;
  readonly status: 'open' | 'concluded';
  readonly accountable: boolean | null;
  readonly finding: string | null;
}

export interface Measure {
  readonly measureId: string;
  readonly kind: MeasureKind;
  readonly grade: number;
  readonly decidedOn: string;
  readonly basis: string;
  readonly followUpDueOn: string;
  readonly bans: readonly (Ban & { readonly banId: string })[];
}

export interface Exemption {
  readonly situation: string;
  readonly requestedBy: string;
  readonly requestedOn: string;
  readonly reason: string;
  readonly decision: 'pending' | 'granted' | 'refused';
  readonly decidedOn: string | null;
}

export interface Clarification {
  readonly clarificationId: string;
  readonly text: string;
  readonly issuedOn: string;
}

export interface Case {
  readonly caseId: string;
  /** The unit of the person's post when the case was opened: the case's unit for reach. */
  readonly unitId: string;
  readonly person: CasePerson;
  /** The commission handling the case; one level up once escalated. */
  readonly handlingUnitId: string;
  readonly source: CaseSource & { readonly note: string | null };
  readonly facts: string;
  readonly situation: string | null;
  readonly inquiries: readonly Inquiry[];
  readonly status: CaseStatus;
  readonly outcome: 'accountable' | 'cleared' | 'exempted' | null;
  readonly measures: readonly Measure[];
  readonly exemption: Exemption | null;
  readonly clarification: Clarification | null;
  readonly escalations: ReadonlyArray<{ readonly fromUnitId: string; readonly toUnitId: string; readonly reason: string; readonly on: string }>;
  readonly lookBacks: ReadonlyArray<{ readonly on: string; readonly shortfall: boolean; readonly reason: string | null }>;
  readonly followUps: ReadonlyArray<{ readonly visitId: string; readonly visitedOn: string; readonly notes: string }>;
  readonly openedOn: string;
  readonly openedBy: string;
  readonly closedOn: string | null;
  /** Marked typical (典型案例) for circulation and publication, with the text written for the public. */
  readonly typical?: { readonly summary: string; readonly markedOn: string } | null;
  readonly revision: number;
}

/** Whether a commission of `callerUnitId` may act on the case: the handling one or one above it. */
export const handles = (c: Pick<Case, 'handlingUnitId'>, callerUnitId: string | undefined, handlingAncestors: readonly string[]): boolean =>
  callerUnitId === undefined ? false : callerUnitId === c.handlingUnitId || handlingAncestors.includes(callerUnitId);

/**
 * A commission within the case's reach that is not the handling one (nor above it) is below the
 * commission handling it: the case was opened or escalated above it. Its step meets the case's
 * state, a 409 that names who handles it, not a refusal of its reach.
 */
const mustHandle = (c: Case, callerUnitId: string | undefined, handlingAncestors: readonly string[]) => {
  if (!handles(c, callerUnitId, handlingAncestors)) throw new ConflictError(`The case is handled by the commission of unit ${c.handlingUnitId}, above the caller's`);
};

const mustBeActive = (c: Case, what: string) => {
  if (c.status === 'closed') throw new ConflictError(`The case is closed: ${what}`);
};

/** A new case on a clue; in a listed situation it opens both extra investigations, otherwise none. */
export const openCase = (
  input: { caseId: string; unitId: string; person: CasePerson; handlingUnitId: string; source: Case['source']; facts: string; situation: string | null; openedOn: string; openedBy: string },
  situations: readonly DoubleInquirySituation[],
): Case => ({
  ...input,
  inquiries: inquiriesFor(input.situation, situations).map((kind) => ({ kind, status: 'open', accountable: null, finding: null })),
  status: 'open',
  outcome: null,
  measures: [],
  exemption: null,
  clarification: null,
  escalations: [],
  lookBacks: [],
  followUps: [],
  closedOn: null,
  revision: 1,
});

const next = (c: Case, change: Partial<Case>): Case => ({ ...c, ...change, revision: c.revision + 1 });

/** Concludes one of the extra investigations with its finding. */
export const concludeInquiry = (c: Case, kind: InquiryKind, finding: { accountable: boolean; text: string }, callerUnitId: string | undefined, handlingAncestors: readonly string[]): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  mustBeActive(c, 'no investigation concludes');
  const inquiry = c.inquiries.find((i) => i.kind === kind);
  if (!inquiry) throw new ConflictError(`The case has no ${kind} investigation: it names no listed situation`);
  if (inquiry.status === 'concluded') throw new ConflictError('The investigation is already concluded');
  return next(c, { inquiries: c.inquiries.map((i) => (i.kind === kind ? { ...i, status: 'concluded', accountable: finding.accountable, finding: finding.text } : i)) });
};

/** Adds `months` calendar months to a date (the 31st becomes the month's last day). */
export const monthsAfter = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/**
 * Imposes a graded measure: the case is decided, the bans the measure brings are in force from
 * its date, and a follow-up visit falls due. Not on a closed case, nor while an exemption is pending or granted.
 */
export const imposeMeasure = (
  c: Case,
  input: { measureId: string; kind: MeasureKind; decidedOn: string; basis: string; banIds: readonly string[] },
  rules: { bans: BanRules; followUpMonths: number },
  callerUnitId: string | undefined,
  handlingAncestors: readonly string[],
): { case: Case; measure: Measure } => {
  mustHandle(c, callerUnitId, handlingAncestors);
  mustBeActive(c, 'no measure is imposed');
  if (c.exemption && c.exemption.decision !== 'refused') throw new ConflictError('An exemption is pending or granted: no measure is imposed');
  if (input.decidedOn < c.openedOn) throw new RuleError('A measure is decided after the case opened', [{ path: 'decidedOn', message: '处理决定日期不能早于立案日期' }]);
  const bans = bansOf({ kind: input.kind, personId: c.person.personId, decidedOn: input.decidedOn, caseId: c.caseId }, rules.bans).map((b, i) => ({ ...b, banId: input.banIds[i]! }));
  const measure: Measure = { measureId: input.measureId, kind: input.kind, grade: measures[input.kind].grade, decidedOn: input.decidedOn, basis: input.basis, followUpDueOn: monthsAfter(input.decidedOn, rules.followUpMonths), bans };
  return { case: next(c, { status: 'decided', measures: [...c.measures, measure] }), measure };
};

/** Escalates the case one level up: the commission above the handling one takes it. */
export const escalate = (c: Case, reason: string, on: string, callerUnitId: string | undefined, handlingAncestors: readonly string[]): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  mustBeActive(c, 'it is not escalated');
  const upper = handlingAncestors[handlingAncestors.length - 1];
  if (upper === undefined) throw new ConflictError('The handling commission has no level above it');
  return next(c, { handlingUnitId: upper, escalations: [...c.escalations, { fromUnitId: c.handlingUnitId, toUnitId: upper, reason, on }] });
};

/**
 * Closes the case: `accountable` once measures are imposed, `cleared` when the clue proved unfounded
 * (no measure), which issues a clarification notice. Open extra investigations must be concluded first.
 */
export const closeCase = (
  c: Case,
  input: { outcome: 'accountable' | 'cleared'; on: string; clarification?: Clarification | undefined },
  callerUnitId: string | undefined,
  handlingAncestors: readonly string[],
): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  mustBeActive(c, 'it is closed once');
  if (c.exemption?.decision === 'pending') throw new ConflictError('An exemption request is pending: decide it first');
  if (c.inquiries.some((i) => i.status === 'open')) throw new ConflictError('The two extra investigations of the case are still open');
  if (input.outcome === 'accountable' && c.measures.length === 0) throw new ConflictError('No measure has been imposed: the case cannot close as accountable');
  if (input.outcome === 'cleared') {
    if (c.measures.length > 0) throw new ConflictError('Measures were imposed: the case cannot close as cleared');
    if (!input.clarification) throw new RuleError('A cleared cadre gets a clarification notice', [{ path: 'clarification', message: '澄清正名须填写通报内容' }]);
  }
  return next(c, { status: 'closed', outcome: input.outcome, closedOn: input.on, clarification: input.outcome === 'cleared' ? input.clarification! : c.clarification });
};

/** The person's unit asks for fault-tolerance exemption in one of the configured situations. */
export const requestExemption = (c: Case, input: { situation: string; reason: string; requestedBy: string; on: string }, situations: ReadonlyArray<{ code: string }>): Case => {
  mustBeActive(c, 'no exemption is requested');
  if (!situations.some((s) => s.code === input.situation)) throw new RuleError(`No exemption situation ${input.situation}`, [{ path: 'situation', message: '请选择所列容错情形之一' }]);
  if (c.measures.length > 0) throw new ConflictError('Measures were imposed: exemption is no longer possible');
  if (c.exemption && c.exemption.decision !== 'refused') throw new ConflictError('An exemption is already requested');
  return next(c, { exemption: { situation: input.situation, requestedBy: input.requestedBy, requestedOn: input.on, reason: input.reason, decision: 'pending', decidedOn: null } });
};

/**
 * The handling commission decides the request. Granted, the case closes as exempted and the
 * clarification notice is issued; refused, the case goes on.
 */
export const decideExemption = (
  c: Case,
  input: { grant: boolean; on: string; clarification?: Clarification | undefined },
  callerUnitId: string | undefined,
  handlingAncestors: readonly string[],
): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  if (c.exemption?.decision !== 'pending') throw new ConflictError('No exemption request is pending');
  const exemption: Exemption = { ...c.exemption, decision: input.grant ? 'granted' : 'refused', decidedOn: input.on };
  if (!input.grant) return next(c, { exemption });
  if (!input.clarification) throw new RuleError('An exempted cadre gets a clarification notice', [{ path: 'clarification', message: '容错免责须填写澄清正名通报内容' }]);
  return next(c, { exemption, status: 'closed', outcome: 'exempted', closedOn: input.on, clarification: input.clarification });
};

/** A look-back at a closed case: reopened where accountability fell short, with the reason; otherwise recorded. */
export const lookBackAt = (c: Case, finding: { shortfall: boolean; reason?: string | undefined; on: string }, callerUnitId: string | undefined, handlingAncestors: readonly string[]): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  const status = lookBack(c.status, finding);
  return next(c, { status, ...(status === 'reopened' ? { outcome: null, closedOn: null } : {}), lookBacks: [...c.lookBacks, { on: finding.on, shortfall: finding.shortfall, reason: finding.reason ?? null }] });
};

/** Records a follow-up visit to the person held accountable. */
export const visit = (c: Case, input: { visitId: string; visitedOn: string; notes: string }, callerUnitId: string | undefined, handlingAncestors: readonly string[]): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  if (c.measures.length === 0) throw new ConflictError('No one was held accountable in the case: there is no one to visit');
  return next(c, { followUps: [...c.followUps, input] });
};

/** The next follow-up visit due: six months (configuration) after the latest measure, until a visit is made after it. */
export const followUpDue = (c: Pick<Case, 'measures' | 'followUps'>): string | null => {
  const latest = c.measures.reduce<Measure | undefined>((l, m) => (l === undefined || m.decidedOn > l.decidedOn ? m : l), undefined);
  if (!latest) return null;
  return c.followUps.some((v) => v.visitedOn >= latest.decidedOn) ? null : latest.followUpDueOn;
};

/** Marks a case typical for circulation and publication: a closed case in which someone was held accountable, once. */
export const markTypical = (c: Case, summary: string, on: string, callerUnitId: string | undefined, handlingAncestors: readonly string[]): Case => {
  mustHandle(c, callerUnitId, handlingAncestors);
  if (c.status !== 'closed' || c.outcome !== 'accountable') throw new ConflictError('Only a closed case in which someone was held accountable is typical');
  if (c.typical) throw new ConflictError('The case is marked typical already');
  return next(c, { typical: { summary, markedOn: on } });
};
