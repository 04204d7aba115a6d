/**
 * The answers of the inspections service (accountability cases, integrity files, opinions on
 * appointments), as the pages read them. The service's schemas are the contract; these are the
 * parts the pages show. Cases, files and opinions are personal records: only the commission and
 * the organisation department read them, and the service records every read.
 */
import type { Role } from './terms.js';

/** Who reads cases and integrity files: the commission and the organisation department. */
export const caseReaders: readonly Role[] = ['discipline_inspector', 'organisation_dept'];

/** Who opens and handles cases and gives opinions on appointments: the commission. */
export const commissionRole: Role = 'discipline_inspector';

/** Where a case comes from: a record of another service, a case not pursued, or a clue entered by hand. */
export type CaseSourceKind = 'hearingComment' | 'talk' | 'warningNotice' | 'patrolFinding' | 'complaint' | 'situationReport' | 'failureToPursue' | 'manual';

/** The graded measures, from the lightest. */
export type MeasureKind =
  | 'circulatedCriticism'
  | 'orderedSelfExamination'
  | 'admonishment'
  | 'suspension'
  | 'reassignment'
  | 'orderedResignation'
  | 'removal'
  | 'demotion'
  | 'partyWarning'
  | 'seriousWarning'
  | 'removalFromPartyPosts'
  | 'probation'
  | 'expulsion';

/** The two extra investigations of 一案双查. */
export type InquiryKind = 'mainResponsibility' | 'supervisoryResponsibility';

export type CaseStatus = 'open' | 'decided' | 'closed' | 'reopened';
export type CaseOutcome = 'accountable' | 'cleared' | 'exempted';
export type BanKind = 'equivalentPost' | 'promotion';
export type AppointmentKind = 'equivalent' | 'promotion' | 'lower';
export type OpinionDecision = 'agree' | 'defer' | 'reject';
export type FileCategory = 'post' | 'signing' | 'reports' | 'talk' | 'notice' | 'case' | 'measure' | 'ban' | 'exemption' | 'opinion' | 'gift';

/** A person in a post of a unit, as a case names them. */
export interface CasePerson {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly title: string;
}

/** A ban on a person's appointments, from the day of the measure to the day before `until`. */
export interface Ban {
  readonly banId: string;
  readonly personId: string;
  readonly kind: BanKind;
  readonly from: string;
  readonly until: string;
  readonly caseId: string;
  readonly measure: MeasureKind;
}

export interface Measure {
  readonly measureId: string;
  readonly kind: MeasureKind;
  readonly name: string;
  readonly grade: number;
  readonly decidedOn: string;
  readonly basis: string;
  readonly followUpDueOn: string;
  readonly bans: readonly Ban[];
}

export interface Inquiry {
  readonly kind: InquiryKind;
  readonly status: 'open' | 'concluded';
  readonly accountable: boolean | null;
  readonly finding: string | null;
}

export interface Exemption {
  readonly situation: string;
  readonly requestedBy: string;
  readonly requestedOn: string;
  readonly reason: string;
  readonly decision: 'pending' | 'granted' | 'refused';
  readonly decidedOn: string | null;
}

/** What a case's record and the list's summary both carry. */
interface CaseHead {
  readonly caseId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly person: CasePerson;
  /** The commission handling the case; one level up once escalated. */
  readonly handlingUnitId: string;
  readonly source: { readonly kind: CaseSourceKind; readonly id: string; readonly note: string | null };
  /** A situation of 一案双查, by its code. */
  readonly situation: string | null;
  readonly status: CaseStatus;
  readonly outcome: CaseOutcome | null;
  /** The next follow-up visit due, if one is. */
  readonly followUpDueOn: string | null;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly revision: number;
}

/** A case as the list gives it (`GET /api/units/{unitId}/cases`): no facts, findings or notes. */
export interface CaseSummary extends CaseHead {
  readonly measures: ReadonlyArray<{ readonly kind: MeasureKind; readonly name: string; readonly decidedOn: string }>;
}

/** A case's record: `GET /api/cases/{caseId}` (a read the service records), and what each step on it answers. */
export interface CaseView extends CaseHead {
  readonly facts: string;
  readonly inquiries: readonly Inquiry[];
  readonly measures: readonly Measure[];
  readonly exemption: Exemption | null;
  readonly clarification: { readonly clarificationId: string; readonly text: string; readonly issuedOn: string } | null;
  readonly escalations: ReadonlyArray<{ readonly fromUnitId: string; readonly toUnitId: string; readonly reason: string; readonly on: string }>;
  readonly lookBacks: ReadonlyArray<{ readonly on: string; readonly shortfall: boolean; readonly reason: string | null }>;
  readonly followUps: ReadonlyArray<{ readonly visitId: string; readonly visitedOn: string; readonly notes: string }>;
}

/** A configured situation (一案双查, or fault-tolerance exemption). */
export interface Situation {
  readonly code: string;
  readonly text: string;
  readonly fromText: boolean;
}

/** An entry of an integrity file: what happened, and the event it was filed from. */
export interface FileEntry {
  readonly at: string;
  /** What happened, in Chinese. */
  readonly summary: string;
  readonly category: FileCategory;
  readonly unitId: string;
  readonly recordId: string;
  readonly source: { readonly topic: string; readonly eventId: string; readonly type: string };
}

/** `GET /api/units/{unitId}/people/{personId}/integrity-file` (a read the service records): newest entries first. */
export interface IntegrityFile {
  readonly person: {
    readonly personId: string;
    readonly name: string;
    readonly posts: ReadonlyArray<{ readonly unitId: string; readonly unitName: string; readonly title: string; readonly startDate: string | null; readonly endDate: string | null }>;
  };
  readonly entries: readonly FileEntry[];
  readonly activeBans: readonly Ban[];
  readonly openCases: ReadonlyArray<{ readonly caseId: string; readonly unitId: string; readonly status: string; readonly openedOn: string }>;
}

/** The commission's opinion on an appointment: `POST /api/units/{unitId}/people/{personId}/opinions`. */
export interface OpinionView {
  readonly opinionId: string;
  readonly unitId: string;
  readonly person: CasePerson;
  readonly appointment: { readonly kind: AppointmentKind; readonly post: string; readonly on: string };
  readonly decision: OpinionDecision;
  readonly reasons: readonly string[];
  readonly banIds: readonly string[];
  readonly openCases: number;
  readonly givenAt: string;
}
