/**
 * The answers of the inspections service about the year-end assessment (年度考核), as the pages read
 * them: an assessment's sheets and ranking, the list of a unit's assessments, and a unit's feedback
 * sheets. The service's schemas are the contract; these are the parts the pages show.
 */
import type { Role } from './terms.js';

/** Who reads assessments: the commission and the organisation department. */
export const assessmentReaders: readonly Role[] = ['discipline_inspector', 'organisation_dept'];

/** Who starts an assessment, enters points, vetoes, publishes and issues feedback sheets: the commission. */
export const assessmentActor: Role = 'discipline_inspector';

/** Haining's sheet (main responsibility 60 of 100) or Chengdu's “double hundred”. */
export type Configuration = 'haining' | 'chengdu';

/** Where the ranking is disclosed: anyone, every signed-in unit, or the organising unit's subtree. */
export type DisclosureScope = 'public' | 'system' | 'subtree';

export type AssessmentStatus = 'open' | 'published';

export type Grade = '优秀' | '良好' | '合格' | '不合格';

/** What a point came from: an event of another service, or an entry (the team's points, a case behind a veto). */
export interface Basis {
  readonly kind: 'event' | 'entry';
  readonly id: string;
}

/** One indicator of a unit's sheet: the value measured, the points it gave out of what it has, and where it came from. */
export interface IndicatorScore {
  readonly indicatorId: string;
  readonly name: string;
  readonly partId: string;
  /** How the value becomes points: a share, a deduction per counted case, or points the team enters. */
  readonly rule: 'ratio' | 'deduct' | 'entered';
  readonly value: number;
  readonly points: number;
  readonly outOf: number;
  readonly basis: readonly Basis[];
  /** The inspection team's note, for an indicator it entered. */
  readonly note: string | null;
}

/** A unit's sheet: its indicators, its parts' scores, the overall result, the veto, the grade and its rank. */
export interface AssessmentSheet {
  readonly unitId: string;
  readonly unitName: string;
  readonly indicators: readonly IndicatorScore[];
  readonly parts: ReadonlyArray<{ readonly partId: string; readonly name: string; readonly score: number; readonly outOf: number }>;
  readonly overall: number;
  readonly vetoed: boolean;
  readonly veto: { readonly reason: string; readonly caseIds: readonly string[] } | null;
  readonly grade: Grade;
  readonly rank: number;
  /** Whether the unit is among the last-ranked whose head gets an admonishment talk. */
  readonly admonish: boolean;
  readonly feedbackSheetId: string | null;
}

/** `GET /api/assessments/{assessmentId}`, and what every step on an assessment answers: the sheets in rank order. */
export interface AssessmentView {
  readonly assessmentId: string;
  /** The organising unit, whose commission runs it. */
  readonly unitId: string;
  readonly year: number;
  readonly configuration: Configuration;
  readonly modelName: string;
  readonly category: string;
  readonly disclosureScope: DisclosureScope;
  /** The share of the points that measure main responsibility (Haining: 0.6). */
  readonly mainResponsibilityShare: number;
  readonly status: AssessmentStatus;
  readonly publishedAt: string | null;
  readonly sheets: readonly AssessmentSheet[];
  readonly revision: number;
}

/** An assessment as `GET /api/units/{unitId}/assessments` lists it. */
export type AssessmentSummary = Pick<AssessmentView, 'assessmentId' | 'unitId' | 'year' | 'configuration' | 'modelName' | 'category' | 'status' | 'publishedAt'>;

/** A unit's feedback sheet (`GET /api/units/{unitId}/feedback-sheets`): its result and the demands, each a rectification item. */
export interface FeedbackSheet {
  readonly sheetId: string;
  readonly assessmentId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly overall: number;
  readonly grade: Grade;
  readonly rank: number;
  readonly summary: string;
  /** Each demand's `requestId` is the id of the rectification item the reports service opens for it. */
  readonly demands: ReadonlyArray<{ readonly requestId: string; readonly action: string; readonly dueDate: string }>;
  readonly issuedAt: string;
}

/** The assessment's summary, as the list holds it. */
export const summaryOf = ({ assessmentId, unitId, year, configuration, modelName, category, status, publishedAt }: AssessmentView): AssessmentSummary => ({
  assessmentId,
  unitId,
  year,
  configuration,
  modelName,
  category,
  status,
  publishedAt,
});
