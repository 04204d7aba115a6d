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
 * - `UNIT#<unitId>` / `ASSESSMENT#<year>#<assessmentId>`: a year-end assessment run by the unit's
 *   commission, with the entries, vetoes and (once published) the sheets; `ASSESSMENT#<id>` / `OWNER`;
 * - `UNIT#<unitId>` / `FEEDBACK#<year>#<sheetId>`: a unit's feedback sheets;
 * - `UNIT#<unitId>` / `SITUATION#<year>#<reportId>`: integrity situation reports the unit issued;
 *   `SITUATION#<reportId>` / `OWNER`;
 * - `UNIT#<unitId>` / `PATROL#<year>#<patrolId>`: patrols the unit's committee sent, with findings
 *   and reminder letters; `PATROL#<id>` / `OWNER`; `LETTER#<letterId>` / `OWNER` (the recipient unit
 *   and the patrol); `UNIT#<unitId>` / `LETTER#<letterId>`: the letters a unit received;
 * - `UNIT#<unitId>` / `RECOMMENDATION#<year>#<id>`: supervision recommendation letters to the unit;
 *   `RECOMMENDATION#<id>` / `OWNER`;
 * - `UNIT#<unitId>` / `ECOLOGY#<year>#<id>`: political-ecology assessments of the unit;
 * - `FACTS#<unitId>` / `<fact>#…`: what the assessment measures of the unit, kept from the events;
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
export const assessmentKey = (unitId: string, year: number, assessmentId: string) => ({ pk: `UNIT#${unitId}`, sk: `ASSESSMENT#${year}#${assessmentId}` });
export const assessmentOwnerKey = (assessmentId: string) => ({ pk: `ASSESSMENT#${assessmentId}`, sk: 'OWNER' });
export const situationKey = (unitId: string, year: number, reportId: string) => ({ pk: `UNIT#${unitId}`, sk: `SITUATION#${year}#${reportId}` });
export const situationOwnerKey = (reportId: string) => ({ pk: `SITUATION#${reportId}`, sk: 'OWNER' });
export const patrolKey = (unitId: string, year: number, patrolId: string) => ({ pk: `UNIT#${unitId}`, sk: `PATROL#${year}#${patrolId}` });
export const recommendationKey = (unitId: string, year: number, id: string) => ({ pk: `UNIT#${unitId}`, sk: `RECOMMENDATION#${year}#${id}` });
export const ecologyKey = (unitId: string, year: number, id: string) => ({ pk: `UNIT#${unitId}`, sk: `ECOLOGY#${year}#${id}` });
/** Who owns a record found by its id alone: `<KIND>#<id>` / `OWNER`. */
export const recordOwnerKey = (kind: 'PATROL' | 'LETTER' | 'RECOMMENDATION', id: string) => ({ pk: `${kind}#${id}`, sk: 'OWNER' });
export const feedbackKey = (unitId: string, year: number, sheetId: string) => ({ pk: `UNIT#${unitId}`, sk: `FEEDBACK#${year}#${sheetId}` });
export const personKey = (personId: string, what: `CASE#${string}` | `BAN#${string}` | `OPINION#${string}` | `FILE#${string}`) => ({ pk: `PERSON#${personId}`, sk: what });
export const giftKey = (unitId: string, year: number, giftId: string) => ({ pk: `UNIT#${unitId}`, sk: `GIFT#${year}#${giftId}` });
/** A public complaint its handling body referred (disclosure.events), and where to. */
export const referredComplaintKey = (complaintId: string) => ({ pk: `REFERRED#${complaintId}`, sk: 'COMPLAINT' });

/** The public complaint referred, if one of that id was: the unit complained about and where it was referred. */
export const referredComplaint = async (complaintId: string): Promise<{ unitId: string; to: string } | undefined> => {
  const { pk, sk } = referredComplaintKey(complaintId);
  const item = await store.getItem(pk, sk);
  return item ? { unitId: String(item.unitId), to: String(item.to) } : undefined;
};

const units = knownUnits(table);
export const getKnownUnit = units.get;
export const unitDirectory = cachedDirectory(getKnownUnit);

const ownerOf = (key: { pk: string; sk: string }) => async (): Promise<string | undefined> => (await store.getItem(key.pk, key.sk))?.unitId as string | undefined;

/** The unit that owns a case (the person's) or an assessment (the organiser's), for the reach guard. */
export const owners = {
  case: (caseId: string) => ownerOf(ownerKey(caseId))(),
  assessment: (assessmentId: string) => ownerOf(assessmentOwnerKey(assessmentId))(),
  situationReport: (reportId: string) => ownerOf(situationOwnerKey(reportId))(),
  patrol: (patrolId: string) => ownerOf(recordOwnerKey('PATROL', patrolId))(),
};

/** Every unit at or below `unitId`. */
export const unitsUnder = units.under;

/** The facts the assessment measures of a unit. */
export const factsOf = (unitId: string) => store.queryItems(`FACTS#${unitId}`, '');

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
