/**
 * The reports table, written through the shared store: state items and the outbox items of their
 * events in one transaction.
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the units, as `signing.events` announces them;
 * - `UNIT#<unitId>` / `POST#<postId>`: the people in posts (the unit's secretary, its leading cadres);
 * - `LISTS#<unitId>#<year>` / `<subject>#<postId|unit>`: the last published version of each list;
 * - `ANNUAL_REPORTS#<year>` / `UNIT#<unitId>`: the report as it stands, one partition per year;
 * - `REPORT#<unitId>#<year>` / `V#<draft>`: every saved draft;
 * - `UNIT#<unitId>` / `HEARING#<year>#<hearingId>`, `RECT#<rectificationId>`, `TASK#<year>#<taskId>`,
 *   `LEDGER#<month>#<personId>`: hearings, rectification items, key tasks and ledger filings;
 * - `CIRCULATIONS#<unitId>` / `<year>-Q<quarter>`: the quarterly circulations of the ledger.
 */
import { tableName } from '#shared/dynamo/client.js';
import { tableStore, withoutKeys, type ItemPut } from '#shared/dynamo/store.js';
import { knownUnitKey, knownUnitOf, knownUnits, type KnownUnit } from '#shared/dynamo/knownUnits.js';

export { stateOf } from '#shared/dynamo/store.js';
import { cachedDirectory } from '#shared/http/guard.js';
import type { CloudEvent } from '#events/envelope.js';
import type { ListItem, ListSubject } from '#events/signing/parts.js';
import type { PersonAssignedData } from '#events/signing/PersonAssigned.v1.js';
import { topics } from '#events/topics.js';
import type { AnnualReport, ReportContent } from '../domain/annualReport.js';

export const store = tableStore(() => tableName('reports'), topics.reports);
const table = store.table;

const reportKey = (unitId: string, year: number) => ({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` });
const draftKey = (unitId: string, year: number, draft: number) => ({ pk: `REPORT#${unitId}#${year}`, sk: `V#${String(draft).padStart(4, '0')}` });
/** One partition for the units this service has heard of. */
export const unitKey = knownUnitKey;
export const postKey = (unitId: string, postId: string) => ({ pk: `UNIT#${unitId}`, sk: `POST#${postId}` });
export const listKey = (unitId: string, year: number, subject: ListSubject, postId: string | null) => ({ pk: `LISTS#${unitId}#${year}`, sk: `${subject}#${postId ?? 'unit'}` });

const units = knownUnits(table);
export { knownUnitOf, type KnownUnit };
export const getKnownUnit = units.get;

/** The units as the reach guard looks them up. */
export const unitDirectory = cachedDirectory(getKnownUnit);

/** Every unit at or below `unitId`, from the one partition of known units. */
export const unitsUnder = units.under;

/** A person in a post of a unit, as `signing.events` announced it. */
export type KnownPost = Readonly<Pick<PersonAssignedData, 'postId' | 'unitId' | 'personId' | 'name' | 'role' | 'title'>> & { readonly endDate: string | null };

/** The people in posts of a unit today (a post whose end date has come is left). */
export const currentPosts = async (unitId: string, today: string): Promise<KnownPost[]> =>
  (await store.queryItems(`UNIT#${unitId}`, 'POST#')).map((i) => withoutKeys<KnownPost>(i)).filter((p) => p.endDate === null || p.endDate > today);

/** A list's last published version, as the report's sections answer it. */
export interface KnownList {
  readonly listId: string;
  readonly subject: ListSubject;
  readonly version: number;
  readonly items: readonly ListItem[];
}

export const publishedLists = async (unitId: string, year: number): Promise<KnownList[]> =>
  (await store.queryItems(`LISTS#${unitId}#${year}`, '')).map((i) => withoutKeys<KnownList>(i));

export const getReport = async (unitId: string, year: number): Promise<AnnualReport | undefined> => {
  const { pk, sk } = reportKey(unitId, year);
  const item = await store.getItem(pk, sk);
  if (!item) return undefined;
  const report = withoutKeys<AnnualReport>(item);
  // Reports of the first slice have neither answers nor attachments nor a draft number.
  return { ...report, answers: report.answers ?? {}, attachments: report.attachments ?? [], draft: report.draft ?? report.version };
};

/** A saved draft as kept: its content, when and by whom. */
export interface SavedDraft extends ReportContent {
  readonly draft: number;
  readonly savedAt: string;
  readonly savedBy: string;
}

export const getDraft = async (unitId: string, year: number, draft: number): Promise<SavedDraft | undefined> => {
  const { pk, sk } = draftKey(unitId, year, draft);
  const item = await store.getItem(pk, sk);
  return item ? withoutKeys<SavedDraft>(item) : undefined;
};

/** Every saved draft of the report, without its content: the version history. */
export const draftHistory = async (unitId: string, year: number): Promise<Array<Pick<SavedDraft, 'draft' | 'savedAt' | 'savedBy'>>> =>
  (await store.queryItems(`REPORT#${unitId}#${year}`, 'V#')).map((i) => ({ draft: i.draft as number, savedAt: i.savedAt as string, savedBy: i.savedBy as string }));

/**
 * Saves the report (and the new draft, when one was saved) and the outbox items of its events in one
 * transaction, guarded by the version it was read at: a concurrent write makes this a 409.
 */
export const saveReport = async (report: AnnualReport, expectedVersion: number, events: readonly CloudEvent[], at: Date, saved?: SavedDraft): Promise<void> => {
  const puts: ItemPut[] = [
    { item: { ...reportKey(report.unitId, report.year), kind: 'annualReport', ...report }, expect: expectedVersion === 0 ? 'absent' : { version: expectedVersion }, what: 'The annual report' },
  ];
  if (saved) puts.push({ item: { ...draftKey(report.unitId, report.year, saved.draft), kind: 'reportDraft', ...saved }, expect: 'absent', what: 'The annual report’s draft' });
  await store.writeWithEvents(puts, events, at, 'The report was changed by someone else; reload and try again');
};
