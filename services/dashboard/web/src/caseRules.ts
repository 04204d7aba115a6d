/**
 * What the pages work out from a case: the steps its state allows, who may take them, the outcome a
 * close takes, and what a refusal of each step means. The API decides; these only decide what to
 * offer, so that a form is not shown for a step the API would refuse anyway.
 */
import type { CaseSummary, CaseView } from './cases.js';
import { commissionRole } from './cases.js';
import type { Viewer } from './talkRules.js';

/** A case as the list holds it: what a step answered takes its place while its revision is the newer. */
export type CaseRow = CaseSummary;

/** A case's record as the list shows it, for what a step answered to take its place in the list. */
export const caseRow = ({ facts: _f, inquiries: _i, exemption: _e, clarification: _c, escalations: _s, lookBacks: _l, followUps: _v, measures, ...rest }: CaseView): CaseRow => ({
  ...rest,
  measures: measures.map((m) => ({ kind: m.kind, name: m.name, decidedOn: m.decidedOn })),
});

/** The steps the commission takes on a case. */
export type CaseStep = 'conclude' | 'measure' | 'escalate' | 'close' | 'decideExemption' | 'lookBack' | 'followUp';

/**
 * The steps the case's state allows, in the order they are usually taken: the open extra
 * investigations concluded, a measure imposed, escalation, the close; the exemption decided while a
 * request is pending; the look-back once closed; a follow-up visit once someone was held accountable.
 *
 * @example
 * stepsOn({ status: 'open', inquiries: [], measures: [], exemption: null });
 * // ['measure', 'escalate', 'close']
 */
export const stepsOn = (c: Pick<CaseView, 'status' | 'inquiries' | 'measures' | 'exemption'>): CaseStep[] => {
  const active = c.status !== 'closed';
  const exemption = c.exemption?.decision;
  const steps: CaseStep[] = [];
  if (active && c.inquiries.some((i) => i.status === 'open')) steps.push('conclude');
  if (active && exemption !== 'pending' && exemption !== 'granted') steps.push('measure');
  if (active) steps.push('escalate');
  if (active && exemption !== 'pending' && c.inquiries.every((i) => i.status === 'concluded')) steps.push('close');
  if (exemption === 'pending') steps.push('decideExemption');
  if (c.status === 'closed') steps.push('lookBack');
  if (c.measures.length > 0) steps.push('followUp');
  return steps;
};

/** Why a case cannot close yet, when its state says so; `undefined` when it can (or is closed). */
export const closeBlocked = (c: Pick<CaseView, 'status' | 'inquiries' | 'exemption'>): string | undefined =>
  c.status === 'closed'
    ? undefined
    : c.exemption?.decision === 'pending'
      ? '容错免责申请尚待决定，决定后方可办结。'
      : c.inquiries.some((i) => i.status === 'open')
        ? '“一案双查”的调查尚未全部作出结论，作出结论后方可办结。'
        : undefined;

/** A case closes as accountable once a measure is imposed; with none, it is cleared with a clarification notice. */
export const closeOutcome = (c: Pick<CaseView, 'measures'>): 'accountable' | 'cleared' => (c.measures.length > 0 ? 'accountable' : 'cleared');

/**
 * Whether the viewer handles the case: a commission, of the handling unit or of one above it (the
 * handling unit is then in the viewer's tree, `inTree`). A case escalated above the viewer is read,
 * not handled.
 */
export const mayHandle = (c: Pick<CaseView, 'handlingUnitId'>, viewer: Viewer, inTree: (unitId: string) => boolean): boolean =>
  viewer.role === commissionRole && (c.handlingUnitId === viewer.unitId || inTree(c.handlingUnitId));

/** What a refusal of each step for the case's state (409) means, in Chinese. */
export const stepConflicts: Record<CaseStep | 'open', string> = {
  open: '该线索无法立案',
  conclude: '该项调查已作出结论，或案件已办结',
  measure: '案件已办结，或容错免责申请待决定、已予免责，不能再作出问责处理',
  escalate: '案件已办结，或办理机关已无上一级纪委',
  close: '尚有调查未作出结论、容错免责申请待决定，或问责办结前未作出处理（澄清了结则不得有处理），或案件已办结',
  decideExemption: '没有待决定的容错免责申请',
  lookBack: '案件尚未办结，不能“回头看”',
  followUp: '本案没有被问责的人员，无需回访',
};

/** The case's page: the cases view with the case opened. */
export const casePagePath = (caseId: string): string => `/oversight/cases?case=${encodeURIComponent(caseId)}`;

/** A person's integrity file: the files view with the unit and the person chosen. */
export const integrityFilePath = (unitId: string, personId: string): string => `/oversight/integrity-files?unit=${encodeURIComponent(unitId)}&person=${encodeURIComponent(personId)}`;

/** Whether a follow-up visit is overdue on `today`. */
export const followUpOverdue = (c: Pick<CaseView, 'followUpDueOn'>, today: string): boolean => c.followUpDueOn !== null && c.followUpDueOn < today;
