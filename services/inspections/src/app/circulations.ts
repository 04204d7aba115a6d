/**
 * The quarterly circulation (通报) of accountability work: a commission counts the cases of its
 * subtree opened in the quarter (and those with the two extra investigations), the measures decided
 * in it by grade, and the cases closed in it that are marked typical, and circulates them once per
 * quarter. Counts
 * and the typical cases' public texts only: nothing of a case record.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { stateOf } from '#shared/dynamo/store.js';
import { RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { store, unitItems, unitsUnder } from '../adapters/inspectionRepository.js';
import type { Case } from '../domain/cases.js';
import { quarterOf } from './cases.js';
import { inspectionsEvent } from './events.js';

const inQuarter = (date: string | null | undefined, year: number, quarter: number) => !!date && date.startsWith(`${year}-`) && quarterOf(date) === quarter;
const groups = { 1: 'criticism', 2: 'admonishment', 3: 'organisational', 4: 'disciplinary' } as const;

/** The last day of a quarter. */
const quarterEnd = (year: number, quarter: number) => new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);

export const circulate = async (caller: Caller, unitId: string, input: { year: number; quarter: number }, now: Date, cause: Causation) => {
  const { year, quarter } = input;
  if (cstDate(now) <= quarterEnd(year, quarter)) throw new RuleError('The quarter has not ended', [{ path: 'quarter', message: '季度结束后方可通报该季度问责工作' }]);
  const units = await unitsUnder(unitId);
  const cases = (await Promise.all(units.map((u) => unitItems(u.id, 'CASE#')))).flat().map((i) => stateOf<Case>(i));
  const opened = cases.filter((c) => inQuarter(c.openedOn, year, quarter));
  const measures = cases.flatMap((c) => c.measures).filter((m) => inQuarter(m.decidedOn, year, quarter));
  const typical = cases.filter((c) => c.typical && inQuarter(c.closedOn, year, quarter));
  const circulation = {
    circulationId: uuidv7(),
    unitId,
    year,
    quarter,
    casesOpened: opened.length,
    doubleInquiries: opened.filter((c) => c.inquiries.length > 0).length,
    measuresByGrade: {
      criticism: measures.filter((m) => groups[m.grade as 1 | 2 | 3 | 4] === 'criticism').length,
      admonishment: measures.filter((m) => groups[m.grade as 1 | 2 | 3 | 4] === 'admonishment').length,
      organisational: measures.filter((m) => groups[m.grade as 1 | 2 | 3 | 4] === 'organisational').length,
      disciplinary: measures.filter((m) => groups[m.grade as 1 | 2 | 3 | 4] === 'disciplinary').length,
    },
    typicalCases: typical.map((c) => ({ caseId: c.caseId, unitId: c.unitId, summary: c.typical!.summary, measures: c.measures.map((m) => m.kind) })),
    circulatedAt: toCstIso(now),
  };
  const event = inspectionsEvent(
    'inspections.AccountabilityCirculated.v1',
    { subject: circulation.circulationId, unitId, version: 1 },
    {
      circulationId: circulation.circulationId,
      unitId,
      year,
      quarter,
      casesOpened: circulation.casesOpened,
      doubleInquiries: circulation.doubleInquiries,
      measuresByGrade: circulation.measuresByGrade,
      typicalCaseIds: circulation.typicalCases.map((c) => c.caseId),
      actor: actorOf(caller),
    },
    cause,
    now,
  );
  await store.writeWithEvents([{ item: { pk: `UNIT#${unitId}`, sk: `CIRCULATION#${year}#Q${quarter}`, kind: 'circulation', ...circulation }, expect: 'absent', what: 'The circulation' }], [event], now, 'The quarter is circulated already');
  return circulation;
};

export const circulations = async (unitId: string, year: number) => ({ unitId, circulations: (await unitItems(unitId, `CIRCULATION#${year}#`)).map((i) => stateOf<Awaited<ReturnType<typeof circulate>>>(i)) });
