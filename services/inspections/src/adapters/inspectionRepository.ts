/**
 * The inspections table, written through the shared store: state items and the outbox items of
 * their events in one transaction.
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the units, as `signing.events` announces them;
 * - `UNIT#<unitId>` / `POST#<postId>`: the people in the unit's posts, past ones kept with their end date;
 * - `UNIT#<unitId>` / `CASE#<caseId>`: cases, in the partition of the unit of the person's post when opened;
 * - `CASE#<caseId>` / `OWNER`: the unit of each case, for the reach guard;
 * - `PERSON#<personId>` / `CASE#<caseId>`, `BAN#<banId>`, `OPINION#<opinionId>`: what follows a
 *   person across posts and units (lifelong accountability);
 * - `PERSON#<personId>` / `FILE#<time>#<eventId>`: the integrity file's entries, one per event that
 *   names the person, from every topic;
 * - `UNIT#<unitId>` / `GIFT#<year>#<giftId>`: the gift register;
 * - `ACCESS#<recordId>` / `<time>#<id>`: every read of a case or an integrity file.
 */
import { tableName } from '#shared/dynamo/client.js';
import { tableStore } from '#shared/dynamo/store.js';
import { knownUnitKey, knownUnits } from '#shared/dynamo/knownUnits.js';
import { accessLogIn } from '#shared/dynamo/accessLog.js';
import { cachedDirectory } from '#shared/http/guard.js';
import { topics } from '#events/topics.js';

export const store = tableStore(() => tableName('inspections'), topics.inspections);
const table = store.table;

export const unitKey = knownUnitKey;
export const caseKey = (unitId: string, caseId: string) => ({ pk: `UNIT#${unitId}`, sk: `CASE#${caseId}` });
export const ownerKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'OWNER' });
export const personKey = (personId: string, what: `CASE#${string}` | `BAN#${string}` | `OPINION#${string}` | `FILE#${string}`) => ({ pk: `PERSON#${personId}`, sk: what });
export const giftKey = (unitId: string, year: number, giftId: string) => ({ pk: `UNIT#${unitId}`, sk: `GIFT#${year}#${giftId}` });

const units = knownUnits(table);
export const getKnownUnit = units.get;
export const unitDirectory = cachedDirectory(getKnownUnit);

/** The unit that owns a case, for the reach guard. */
export const owners = {
  case: async (caseId: string): Promise<string | undefined> => {
    const { pk, sk } = ownerKey(caseId);
    return (await store.getItem(pk, sk))?.unitId as string | undefined;
  },
};

export interface PostHeld {
  readonly personId: string;
  readonly unitId: string;
  readonly name: string;
  readonly title: string;
  readonly role: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** Every post of the unit that `signing.events` announced, past ones included. */
export const postsOf = async (unitId: string): Promise<PostHeld[]> =>
  (await store.queryItems(`UNIT#${unitId}`, 'POST#')).map((i) => ({
    personId: String(i.personId),
    unitId,
    name: String(i.name),
    title: String(i.title ?? ''),
    role: String(i.role ?? ''),
    startDate: (i.startDate as string | undefined) ?? null,
    endDate: (i.endDate as string | null | undefined) ?? null,
  }));

const reads = accessLogIn(table);
export const recordAccess = reads.record;
export const accessLog = reads.of;

export const unitItems = (unitId: string, prefix: string) => store.queryItems(`UNIT#${unitId}`, prefix);
export const personItems = (personId: string, prefix: 'CASE#' | 'BAN#' | 'OPINION#' | 'FILE#' | '') => store.queryItems(`PERSON#${personId}`, prefix);
