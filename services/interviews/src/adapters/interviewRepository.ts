/**
 * The interviews table, written through the shared store: state items and the outbox items of their
 * events in one transaction.
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the units, as `signing.events` announces them;
 * - `UNIT#<unitId>` / `POST#<postId>`: the people in the unit's posts;
 * - `UNIT#<unitId>` / `TALK#<talkId>`, `NOTICE#<noticeId>`: talks and warning notices, in the
 *   partition of the unit talked to or warned;
 * - `TALK#<talkId>` / `OWNER`, `NOTICE#<noticeId>` / `OWNER`: the unit of each, for the reach guard;
 * - `PERSON#<personId>` / `TALK#<talkId>`, `NOTICE#<noticeId>`: what names a person (convenor,
 *   person talked to, person warned, leader in charge), for their own lists;
 * - `ACCESS#<recordId>` / `<time>#<id>`: every read of a talk record or a notice;
 * - `UNIT#<unitId>` / `EDU#<year>#PLAN`, `EDU#<year>#SESSION#<id>`, `EDU#<year>#TRAINING#<id>`:
 *   the integrity-education ledger;
 * - `LEDGER#<year>` / `UNIT#<unitId>`: the yearly counters of both ledgers, kept from the service's
 *   own topic;
 * - `SOURCE#<kind>#<id>` / `SOURCE`: what a talk can cite from `reports.events` (a light, a hearing
 *   comment, a rectification item) with a summary an overseer reads.
 */
import { queryPartition, tableName } from '#shared/dynamo/client.js';
import { accessLogIn } from '#shared/dynamo/accessLog.js';
import { tableStore } from '#shared/dynamo/store.js';
import { knownUnitKey, knownUnits } from '#shared/dynamo/knownUnits.js';
import { cachedDirectory } from '#shared/http/guard.js';
import { topics } from '#events/topics.js';
import type { Person, Talk } from '../domain/talks.js';

export { stateOf } from '#shared/dynamo/store.js';

export const store = tableStore(() => tableName('interviews'), topics.interviews);
const table = store.table;

export const unitKey = knownUnitKey;
export const talkKey = (unitId: string, talkId: string) => ({ pk: `UNIT#${unitId}`, sk: `TALK#${talkId}` });
export const noticeKey = (unitId: string, noticeId: string) => ({ pk: `UNIT#${unitId}`, sk: `NOTICE#${noticeId}` });
export const ownerKey = (what: 'TALK' | 'NOTICE', id: string) => ({ pk: `${what}#${id}`, sk: 'OWNER' });
export const personKey = (personId: string, what: 'TALK' | 'NOTICE', id: string) => ({ pk: `PERSON#${personId}`, sk: `${what}#${id}` });
export const ledgerKey = (year: number, unitId: string) => ({ pk: `LEDGER#${year}`, sk: `UNIT#${unitId}` });
export const sourceKey = (kind: string, id: string) => ({ pk: `SOURCE#${kind}#${id}`, sk: 'SOURCE' });
export const educationKey = (unitId: string, year: number, what: 'PLAN' | `SESSION#${string}` | `TRAINING#${string}`) => ({ pk: `UNIT#${unitId}`, sk: `EDU#${year}#${what}` });

/**
 * A talk as an item: its kind of talk is kept as `talkKind`, since `kind` names the item's type in
 * every table (the relay's stream filter reads it).
 */
export const talkItem = (talk: Talk) => {
  const { kind, ...rest } = talk;
  return { ...talkKey(talk.unitId, talk.talkId), ...rest, kind: 'talk', talkKind: kind };
};

/** A talk read back from its item. */
export const talkOf = (item: Record<string, unknown>): Talk => {
  const { pk: _pk, sk: _sk, kind: _kind, talkKind, ...rest } = item;
  return { ...(rest as Omit<Talk, 'kind'>), kind: talkKind as Talk['kind'] };
};

const units = knownUnits(table);
export const getKnownUnit = units.get;

/** The units as the reach guard looks them up. */
export const unitDirectory = cachedDirectory(getKnownUnit);

/** Every unit at or below `unitId`. */
export const unitsUnder = units.under;

/** The unit that owns a talk or a notice, for the reach guard. */
const ownerOf = (what: 'TALK' | 'NOTICE') => async (id: string): Promise<string | undefined> => {
  const { pk, sk } = ownerKey(what, id);
  return (await store.getItem(pk, sk))?.unitId as string | undefined;
};
export const owners = { talk: ownerOf('TALK'), warningNotice: ownerOf('NOTICE') };

/** The people in the unit's posts today (a post whose end date has come is left). */
export const currentPosts = async (unitId: string, today: string): Promise<Person[]> =>
  (await store.queryItems(`UNIT#${unitId}`, 'POST#'))
    .filter((i) => i.endDate === null || i.endDate === undefined || String(i.endDate) > today)
    .map((i) => ({ personId: String(i.personId), unitId, name: String(i.name), title: String(i.title ?? ''), postRole: String(i.role ?? '') }));

/** What a talk or notice cites from another service, with its summary, if this service heard of it. */
export const getSource = async (kind: string, id: string): Promise<{ unitId: string; summary: string; referredTo?: string } | undefined> => {
  const { pk, sk } = sourceKey(kind, id);
  const item = await store.getItem(pk, sk);
  return item ? { unitId: String(item.unitId), summary: String(item.summary), ...(item.referredTo ? { referredTo: String(item.referredTo) } : {}) } : undefined;
};

const reads = accessLogIn(table);
/** Records that the caller read a record: who, in what role and unit, when. Kept, never changed. */
export const recordAccess = reads.record;
export const accessLog = reads.of;

/** The items of a unit's partition of one kind (talks, notices, the education ledger of a year). */
export const unitItems = (unitId: string, prefix: string) => store.queryItems(`UNIT#${unitId}`, prefix);

/** The pointers to what names a person. */
export const personItems = (personId: string, what: 'TALK' | 'NOTICE') => store.queryItems(`PERSON#${personId}`, `${what}#`);

/** The ledger counters of every unit for a year. */
export const ledgerCounters = (year: number) => queryPartition(table(), `LEDGER#${year}`, { consistent: true });
