/** Where a talk or a notice comes from: a typed reference, checked where this service can check it. */
import { v7 as uuidv7 } from 'uuid';
import { RuleError } from '#shared/errors.js';
import type { SourceKind } from '#events/interviews/parts.js';
import { getSource } from '../adapters/interviewRepository.js';
import type { SourceInput } from '../schemas.js';

/** Kinds announced on `reports.events`, which this service keeps and checks. */
const fromReports: ReadonlySet<SourceKind> = new Set(['keyTaskLight', 'hearingComment', 'rectification']);
/** Kinds whose records live in services of their own (patrols, complaints, assessments): named by id, checked there. */
const fromElsewhere: ReadonlySet<SourceKind> = new Set(['patrolFinding', 'complaint', 'assessment']);

/**
 * A complaint (信访举报) names its record: a public complaint of this system (kept from
 * `disclosure.events`) must have been referred for a talk, about this unit, and brings its summary;
 * any other number is a record of the petition office.
 */
const complaintSource = async (id: string, unitId: string, note: string | undefined): Promise<{ kind: SourceKind; id: string; summary: string }> => {
  const referred = await getSource('complaint', id);
  if (!referred) return { kind: 'complaint', id, summary: note ?? '' };
  if (referred.referredTo !== 'talk' || referred.unitId !== unitId) throw new RuleError('A public complaint not referred for a talk about this unit', [{ path: 'source.id', message: '该公众投诉未转本单位谈话处理' }]);
  return { kind: 'complaint', id, summary: note ? `${referred.summary}（${note}）` : referred.summary };
};

/**
 * The source as kept: a record of the reports service must exist and be about the unit; a public
 * complaint must have been referred for a talk; a patrol finding, a petition or an assessment names
 * its record; a clue entered by hand (online opinion, a hotline call,
 * supervision, a decision) says what it was and gets an id of its own.
 */
export const resolveSource = async (input: SourceInput, unitId: string): Promise<{ kind: SourceKind; id: string; summary: string }> => {
  if (fromReports.has(input.kind) || fromElsewhere.has(input.kind)) {
    if (!input.id) throw new RuleError('The source record is required', [{ path: 'source.id', message: '请填写来源记录编号' }]);
    if (input.kind === 'complaint') return complaintSource(input.id, unitId, input.note);
    if (fromElsewhere.has(input.kind)) return { kind: input.kind, id: input.id, summary: input.note ?? '' };
    const found = await getSource(input.kind, input.id);
    if (!found || found.unitId !== unitId) throw new RuleError('No such source record of the unit', [{ path: 'source.id', message: '未找到该单位的这条来源记录' }]);
    return { kind: input.kind, id: input.id, summary: input.note ? `${found.summary}（${input.note}）` : found.summary };
  }
  if (!input.note) throw new RuleError('A clue entered by hand says what it was', [{ path: 'source.note', message: '请说明线索内容' }]);
  return { kind: input.kind, id: input.id ?? uuidv7(), summary: input.note };
};
