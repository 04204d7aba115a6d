/**
 * The yearly sums of both ledgers (Loudi: each unit keeps an integrity-education ledger and a
 * warning-notice ledger, summed once a year by its discipline body). The counters are kept from the
 * service's own topic, one unconditional `ADD` per event, so they are a count of the events; the
 * inbox keeps a redelivered event from counting twice.
 */
import type { TransactItem } from '#shared/kafka/consumer.js';
import { cstDate } from '#events/envelope.js';
import type { InterviewsEvent } from '#events/index.js';
import type { TalkKind } from '#events/interviews/parts.js';
import { TalkKind as TalkKinds } from '#events/interviews/parts.js';
import { ledgerCounters, ledgerKey, store, unitsUnder } from '../adapters/interviewRepository.js';
import type { LedgerSumsRow } from '../schemas.js';

type Counter = 'sessions' | 'attendance' | 'trainings' | 'noticesIssued' | 'repliesOnTime' | 'repliesLate' | 'repliesAccepted' | 'repliesReturned' | 'repliesOverdue' | 'talksSuggested' | `talksHeld_${TalkKind}`;

const add = (year: number, unitId: string, counters: Partial<Record<Counter, number>>, set: Record<string, unknown> = {}): TransactItem[] => [
  {
    Update: {
      TableName: store.table(),
      Key: ledgerKey(year, unitId),
      UpdateExpression: [
        ...(Object.keys(counters).length > 0 ? [`ADD ${Object.keys(counters).map((name) => `#${name} :${name}`).join(', ')}`] : []),
        ...(Object.keys(set).length > 0 ? [`SET ${Object.keys(set).map((name) => `#${name} = :${name}`).join(', ')}`] : []),
      ].join(' '),
      ExpressionAttributeNames: Object.fromEntries([...Object.keys(counters), ...Object.keys(set)].map((n) => [`#${n}`, n])),
      ExpressionAttributeValues: Object.fromEntries([...Object.entries(counters), ...Object.entries(set)].map(([n, v]) => [`:${n}`, v])),
    },
  },
];

/** The year an event counts in: the education events name theirs, a talk held its day; others count in the CST year they happened. */
const yearOfTime = (time: string): number => Number(cstDate(new Date(time)).slice(0, 4));

type Tally<T extends InterviewsEvent['type']> = (event: Extract<InterviewsEvent, { type: T }>) => TransactItem[];

const talkProposed: Tally<'interviews.TalkProposed.v1'> = (e) => (e.data.suggested ? add(yearOfTime(e.time), e.data.unitId, { talksSuggested: 1 }) : []);
/** A talk counts in the year it was held, as the talk calendar files it. */
const talkHeld: Tally<'interviews.TalkHeld.v1'> = (e) => add(Number(e.data.heldOn.slice(0, 4)), e.data.unitId, { [`talksHeld_${e.data.kind}`]: 1 });
const issued: Tally<'interviews.WarningNoticeIssued.v1'> = (e) => add(yearOfTime(e.time), e.data.unitId, { noticesIssued: 1 });
const replied: Tally<'interviews.WarningReplyReceived.v1'> = (e) => add(yearOfTime(e.time), e.data.unitId, e.data.onTime ? { repliesOnTime: 1 } : { repliesLate: 1 });
const accepted: Tally<'interviews.WarningReplyAccepted.v1'> = (e) => add(yearOfTime(e.time), e.data.unitId, { repliesAccepted: 1 });
const returned: Tally<'interviews.WarningReplyReturned.v1'> = (e) => add(yearOfTime(e.time), e.data.unitId, { repliesReturned: 1 });
const overdue: Tally<'interviews.WarningReplyOverdue.v1'> = (e) => add(yearOfTime(e.time), e.data.unitId, { repliesOverdue: 1 });
/** A plan filed again replaces the first: the ledger counts whether the unit filed one. */
const planFiled: Tally<'interviews.EducationPlanFiled.v1'> = (e) => add(e.data.year, e.data.unitId, {}, { planFiled: 1 });
const session: Tally<'interviews.EducationSessionHeld.v1'> = (e) => add(e.data.year, e.data.unitId, { sessions: 1, attendance: e.data.attendance });
const training: Tally<'interviews.TrainingCompleted.v1'> = (e) => add(e.data.year, e.data.unitId, { trainings: 1 });

export const ledgerEffects = {
  'interviews.TalkProposed.v1': talkProposed,
  'interviews.TalkHeld.v1': talkHeld,
  'interviews.WarningNoticeIssued.v1': issued,
  'interviews.WarningReplyReceived.v1': replied,
  'interviews.WarningReplyAccepted.v1': accepted,
  'interviews.WarningReplyReturned.v1': returned,
  'interviews.WarningReplyOverdue.v1': overdue,
  'interviews.EducationPlanFiled.v1': planFiled,
  'interviews.EducationSessionHeld.v1': session,
  'interviews.TrainingCompleted.v1': training,
};

const zero = (): Omit<LedgerSumsRow, 'unitId' | 'unitName'> => ({
  planFiled: 0,
  sessions: 0,
  attendance: 0,
  trainings: 0,
  noticesIssued: 0,
  repliesOnTime: 0,
  repliesLate: 0,
  repliesAccepted: 0,
  repliesReturned: 0,
  repliesOverdue: 0,
  talksHeld: Object.fromEntries(TalkKinds.options.map((k) => [k, 0])) as Record<TalkKind, number>,
  talksSuggested: 0,
});

const rowOf = (item: Record<string, unknown> | undefined): Omit<LedgerSumsRow, 'unitId' | 'unitName'> => {
  const row = zero();
  if (!item) return row;
  const n = (name: string) => Number(item[name] ?? 0);
  return {
    ...row,
    ...Object.fromEntries((Object.keys(row) as Array<keyof typeof row>).filter((k) => k !== 'talksHeld').map((k) => [k, n(k)])),
    talksHeld: Object.fromEntries(TalkKinds.options.map((k) => [k, n(`talksHeld_${k}`)])) as Record<TalkKind, number>,
  };
};

/** The sums of the unit and every unit below it for the year, one row per unit, and their total. */
export const ledgerSums = async (unitId: string, year: number) => {
  const [units, counters] = await Promise.all([unitsUnder(unitId), ledgerCounters(year)]);
  const byUnit = new Map(counters.map((c) => [String(c.sk).slice('UNIT#'.length), c]));
  const rows = units.map((u) => ({ unitId: u.id, unitName: u.name, ...rowOf(byUnit.get(u.id)) })).sort((a, b) => (a.unitId === unitId ? -1 : b.unitId === unitId ? 1 : a.unitName.localeCompare(b.unitName, 'zh')));
  const total = zero();
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof typeof total>) {
      if (key === 'talksHeld') for (const k of TalkKinds.options) total.talksHeld[k] += row.talksHeld[k];
      else total[key] += row[key];
    }
  }
  return { unitId, year, rows, total };
};
