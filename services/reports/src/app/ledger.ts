import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { ledgerCirculationScope } from '../config.js';
import type { Quarter } from '../domain/keyTasks.js';
import { checkFiling, checkLedgerMonth, monthsOf, shortfalls, type LedgerFiling } from '../domain/ledger.js';
import { currentPosts, stateOf, store, unitsUnder } from '../adapters/reportRepository.js';
import { reportsEvent } from './events.js';
import { personInPost } from './keyTasks.js';

const ledgerKey = (unitId: string, month: string, personId: string) => ({ pk: `UNIT#${unitId}`, sk: `LEDGER#${month}#${personId}` });
const changed = 'The filing was changed by someone else; reload and try again';

/** A leading cadre files the month's ledger: once a month, the caller for themself. */
export const fileLedger = async (caller: Caller, unitId: string, input: { month: string; entries: readonly string[] }, now: Date, cause: Causation): Promise<LedgerFiling> => {
  checkLedgerMonth(input.month, cstDate(now));
  const person = await personInPost(unitId, caller.subject, now, 'subject');
  const filing: LedgerFiling = { ledgerId: `${input.month}.${person.personId}`, unitId, person, month: input.month, entries: [...input.entries], filedAt: toCstIso(now), check: null, revision: 1 };
  const event = reportsEvent('reports.LedgerFiled.v1', { subject: filing.ledgerId, unitId, version: 1 }, { ledgerId: filing.ledgerId, unitId, person, month: input.month, entries: [...filing.entries], actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...ledgerKey(unitId, input.month, person.personId), kind: 'ledger', ...filing }, expect: 'absent', what: 'The ledger filing' }], [event], now, `${person.name} has already filed the ledger of ${input.month}`);
  return filing;
};

/** The month's filing is checked (一月一核查). */
export const checkLedger = async (caller: Caller, unitId: string, month: string, personId: string, input: { result: 'passed' | 'failed'; note: string }, now: Date, cause: Causation): Promise<LedgerFiling> => {
  const { pk, sk } = ledgerKey(unitId, month, personId);
  const item = await store.getItem(pk, sk);
  if (!item) throw new NotFoundError(`No ledger of ${month} by ${personId} in unit ${unitId}`);
  const filing = stateOf<LedgerFiling>(item);
  const next = checkFiling(filing, input.result, input.note, caller.subject, toCstIso(now));
  const event = reportsEvent('reports.LedgerChecked.v1', { subject: filing.ledgerId, unitId, version: next.revision }, { ledgerId: filing.ledgerId, unitId, person: filing.person, month, ...input, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { pk, sk, kind: 'ledger', ...next }, expect: { revision: filing.revision }, what: 'The ledger filing' }], [event], now, changed);
  return next;
};

/** A unit's filings of a month. */
export const listLedgers = async (unitId: string, month: string) => ({ unitId, month, filings: (await store.queryItems(`UNIT#${unitId}`, `LEDGER#${month}#`)).map((i) => stateOf<LedgerFiling>(i)) });

const circulationKey = (unitId: string, year: number, quarter: Quarter) => ({ pk: `CIRCULATIONS#${unitId}`, sk: `${year}-Q${quarter}` });

/**
 * The quarterly circulation (一季一通报): every leading cadre in post today in the unit's subtree, and
 * the quarter's months each has not filed or failed; published within the configured scope.
 */
export const circulateLedger = async (caller: Caller, unitId: string, input: { year: number; quarter: Quarter }, now: Date, cause: Causation) => {
  const months = monthsOf(input.year, input.quarter);
  if (months[2]! >= cstDate(now).slice(0, 7)) throw new RuleError('The quarter is not over', [{ path: 'quarter', message: `${input.year}年第${input.quarter}季度尚未结束，不能通报` }]);
  const units = await unitsUnder(unitId);
  const perUnit = await Promise.all(
    units.map(async (unit) => {
      const [posts, filings] = await Promise.all([currentPosts(unit.id, cstDate(now)), Promise.all(months.map((m) => store.queryItems(`UNIT#${unit.id}`, `LEDGER#${m}#`)))]);
      return { filers: posts.map((p) => ({ unitId: unit.id, unitName: unit.name || unit.id, person: { personId: p.personId, name: p.name } })), filings: filings.flat().map((i) => stateOf<LedgerFiling>(i)) };
    }),
  );
  const filers = perUnit.flatMap((u) => u.filers);
  const found = shortfalls(filers, perUnit.flatMap((u) => u.filings), months);
  const circulation = { circulationId: uuidv7(), unitId, year: input.year, quarter: input.quarter, scope: ledgerCirculationScope(), filers: filers.length, shortfalls: found, circulatedAt: toCstIso(now) };
  const { circulatedAt: _at, ...data } = circulation;
  const event = reportsEvent('reports.LedgerCirculated.v1', { subject: circulation.circulationId, unitId, version: 1 }, { ...data, actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents(
    [{ item: { ...circulationKey(unitId, input.year, input.quarter), kind: 'circulation', ...circulation }, expect: 'absent', what: 'The circulation' }],
    [event],
    now,
    `The ledger of ${input.year} Q${input.quarter} is already circulated for this unit`,
  );
  return circulation;
};

/** A circulation already made. */
export const getCirculation = async (unitId: string, year: number, quarter: Quarter) => {
  const { pk, sk } = circulationKey(unitId, year, quarter);
  const item = await store.getItem(pk, sk);
  if (!item) throw new NotFoundError(`The ledger of ${year} Q${quarter} is not circulated for unit ${unitId}`);
  return stateOf<Record<string, unknown>>(item);
};
