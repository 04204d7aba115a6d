/** Where a talk or a notice comes from: a typed reference, checked where this service can check it. */
import { v7 as uuidv7 } from 'uuid';
import { RuleError } from '#shared/errors.js';
import type { SourceKind } from '#events/interviews/parts.js';
import { getSource } from '../adapters/interviewRepository.js';
import type { SourceInput } from '../schemas.js';

/** Kinds announced on `reports.events`, and complaints referred for a talk on `disclosure.events`, which this service keeps and checks. */
const fromReports: ReadonlySet<SourceKind> = new Set(['keyTaskLight', 'hearingComment', 'rectification', 'complaint']);
/** Kinds whose records live in services of their own (patrols, assessments): named by id, checked there. */
const fromElsewhere: ReadonlySet<SourceKind> = new Set(['patrolFinding', 'assessment']);

/**
 * The source as kept: a record of the reports service, or a complaint referred for a talk, must
 * exist and be about the unit; a patrol finding or an assessment names its record; a clue entered by hand (online opinion, a hotline call,
 * supervision, a decision) says what it was and gets an id of its own.
 */
export const resolveSource = async (input: SourceInput, unitId: string): Promise<{ kind: SourceKind; id: string; summary: string }> => {
  if (fromReports.has(input.kind) || fromElsewhere.has(input.kind)) {
    if (!input.id) throw new RuleError('The source record is required', [{ path: 'source.id', message: '请填写来源记录编号' }]);
    if (fromElsewhere.has(input.kind)) return { kind: input.kind, id: input.id, summary: input.note ?? '' };
    const found = await getSource(input.kind, input.id);
    if (!found || found.unitId !== unitId) throw new RuleError('No such source record of the unit', [{ path: 'source.id', message: '未找到该单位的这条来源记录' }]);
    return { kind: input.kind, id: input.id, summary: input.note ? `${found.summary}（${input.note}）` : found.summary };
  }
  if (!input.note) throw new RuleError('A clue entered by hand says what it was', [{ path: 'source.note', message: '请说明线索内容' }]);
  return { kind: input.kind, id: input.id ?? uuidv7(), summary: input.note };
};
