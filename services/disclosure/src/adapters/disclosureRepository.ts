/**
 * The disclosure table, written through the shared store: state items and the outbox items of their
 * events in one transaction.
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the units, as `signing.events` announces them;
 * - `UNIT#<handlingUnitId>` / `COMPLAINT#<complaintId>`: a complaint, in the partition of the unit
 *   whose discipline body handles it; its facts in clear, its contact details encrypted;
 * - `COMPLAINT#<complaintId>` / `OWNER`: the handling unit, for the reach guard;
 * - `RECEIPT#<sha256>` / `RECEIPT`: the complaint of a receipt code, by the code's hash only;
 * - `DEDUP#<sha256>` / `DEDUP`: a filing's content within its hour, with its receipt code encrypted,
 *   gone with the hour (TTL);
 * - `FIGURES` / `UNIT#<unitId>`: the counters of a handling unit, kept from the service's own topic;
 * - `RATE#<scope>#<key>#<window>` / `RATE`: the requests of a client address or a receipt code in a
 *   window, gone after it (TTL);
 * - `UNIT#<handlingUnitId>` / `ESCALATED#<complaintId>`: the answer deadline the engine escalated
 *   above the handling body, kept beside the complaint (never written into it);
 * - `ACCESS#<complaintId>` / `<time>#<id>`: every read of a complaint by its handling body;
 * - `UNIT#<reviewUnitId>` / `ITEM#<itemId>`: a publication item, in the partition of the unit whose
 *   discipline body reviews it; it holds only its allow-listed, redacted fields;
 * - `ITEM#<itemId>` / `OWNER`: the reviewing unit, for the reach guard;
 * - `TASK#<taskId>` / `TASK`: a key task's title, which its progress and lights publish;
 * - `PUBLIC` / `ITEM#<itemId>`: what is published to anyone: the redacted title and payload only,
 *   the one partition the public routes read; `SIGNEDIN` / `ITEM#<itemId>`: the same for items
 *   published within the system or a subtree. Withdrawal deletes it in the same write.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, queryPartition, tableName, ttlAttribute } from '#shared/dynamo/client.js';
import { accessLogIn } from '#shared/dynamo/accessLog.js';
import { tableStore, withoutKeys } from '#shared/dynamo/store.js';
import { knownUnitOf, knownUnits } from '#shared/dynamo/knownUnits.js';
import { cachedDirectory } from '#shared/http/guard.js';
import { topics } from '#events/topics.js';
import type { Complaint } from '../domain/complaints.js';
import type { PublicationItem } from '../domain/publication.js';

export const store = tableStore(() => tableName('disclosure'), topics.disclosure);
const table = store.table;

export const complaintKey = (handlingUnitId: string, complaintId: string) => ({ pk: `UNIT#${handlingUnitId}`, sk: `COMPLAINT#${complaintId}` });
export const ownerKey = (complaintId: string) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'OWNER' });
export const receiptKey = (hash: string) => ({ pk: `RECEIPT#${hash}`, sk: 'RECEIPT' });
export const dedupKey = (hash: string) => ({ pk: `DEDUP#${hash}`, sk: 'DEDUP' });
export const figuresKey = (unitId: string) => ({ pk: 'FIGURES', sk: `UNIT#${unitId}` });

/** A complaint as stored: the escalation of its deadline is kept beside it, never in it. */
export const complaintItem = ({ escalatedOn: _escalated, ...c }: Complaint & { readonly escalatedOn?: string | null }) => ({ ...complaintKey(c.handlingUnitId, c.complaintId), kind: 'complaint', ...c });
export const complaintOf = (item: Record<string, unknown>): Complaint => withoutKeys<Complaint>(item);

const units = knownUnits(table);
export const getKnownUnit = units.get;
export const unitsUnder = units.under;
/** Every unit the service has heard of. */
export const allUnits = async () => (await queryPartition(table(), 'UNITS')).map(knownUnitOf);

/** The units as the reach guard looks them up. */
export const unitDirectory = cachedDirectory(getKnownUnit);

const ownerOf = async (complaintId: string): Promise<string | undefined> => {
  const { pk, sk } = ownerKey(complaintId);
  return (await store.getItem(pk, sk))?.unitId as string | undefined;
};
const itemOwnerOf = async (itemId: string): Promise<string | undefined> => (await store.getItem(`ITEM#${itemId}`, 'OWNER'))?.unitId as string | undefined;
export const owners = { complaint: ownerOf, publicationItem: itemOwnerOf };

export const itemKey = (reviewUnitId: string, itemId: string) => ({ pk: `UNIT#${reviewUnitId}`, sk: `ITEM#${itemId}` });
export const itemOwnerKey = (itemId: string) => ({ pk: `ITEM#${itemId}`, sk: 'OWNER' });
export const taskKey = (taskId: string) => ({ pk: `TASK#${taskId}`, sk: 'TASK' });
/** Where a published item is read: `PUBLIC` by anyone, `SIGNEDIN` by signed-in units within its scope. */
export const publishedKey = (audience: 'PUBLIC' | 'SIGNEDIN', itemId: string) => ({ pk: audience, sk: `ITEM#${itemId}` });

/** A publication item as stored: its kind under `itemKind`, since `kind` is the item's type in the table. */
export const publicationItem = ({ kind, ...i }: PublicationItem) => ({ ...itemKey(i.reviewUnitId, i.itemId), kind: 'publicationItem', itemKind: kind, ...i });
const publicationItemOf = (stored: Record<string, unknown>): PublicationItem => {
  const { itemKind, ...rest } = withoutKeys<Omit<PublicationItem, 'kind'> & { itemKind: PublicationItem['kind'] }>(stored);
  return { ...rest, kind: itemKind };
};

/** A publication item by id, wherever it is reviewed. */
export const getPublicationItem = async (itemId: string): Promise<PublicationItem | undefined> => {
  const reviewUnitId = await itemOwnerOf(itemId);
  if (!reviewUnitId) return undefined;
  const { pk, sk } = itemKey(reviewUnitId, itemId);
  const item = await store.getItem(pk, sk);
  return item ? publicationItemOf(item) : undefined;
};

/** The publication items a unit's discipline body reviews, oldest first. */
export const itemsReviewedBy = async (unitId: string): Promise<PublicationItem[]> => (await store.queryItems(`UNIT#${unitId}`, 'ITEM#')).map(publicationItemOf);

/** A key task's title, as its `KeyTaskAdded` gave it. */
export const taskTitle = async (taskId: string): Promise<string | undefined> => (await store.getItem(taskKey(taskId).pk, 'TASK'))?.title as string | undefined;

/** What is published to an audience. */
export const publishedTo = async (audience: 'PUBLIC' | 'SIGNEDIN'): Promise<Record<string, unknown>[]> => queryPartition(table(), audience, { prefix: 'ITEM#', consistent: true });

/** One item published to anyone. */
export const publishedToAnyone = (itemId: string) => store.getItem('PUBLIC', `ITEM#${itemId}`);

/** A complaint by id, wherever it is handled, with the day its answer was escalated, if it was. */
export const getComplaint = async (complaintId: string): Promise<(Complaint & { readonly escalatedOn: string | null }) | undefined> => {
  const handlingUnitId = await ownerOf(complaintId);
  if (!handlingUnitId) return undefined;
  const { pk, sk } = complaintKey(handlingUnitId, complaintId);
  const escalation = escalationKey(handlingUnitId, complaintId);
  const [item, escalated] = await Promise.all([store.getItem(pk, sk), store.getItem(escalation.pk, escalation.sk)]);
  return item ? { ...complaintOf(item), escalatedOn: (escalated?.escalatedOn as string | undefined) ?? null } : undefined;
};

/**
 * The complaint a receipt code's hash names, if any: one read of the pointer, then one of the
 * complaint, or of a key that holds none when the code is unknown, so that both make the same reads.
 */
export const complaintByReceipt = async (hash: string): Promise<Complaint | undefined> => {
  const { pk, sk } = receiptKey(hash);
  const pointer = await store.getItem(pk, sk);
  const { pk: complaintPk, sk: complaintSk } = pointer ? complaintKey(String(pointer.handlingUnitId), String(pointer.complaintId)) : complaintKey('NONE', hash);
  const item = await store.getItem(complaintPk, complaintSk);
  return pointer && item ? complaintOf(item) : undefined;
};

export const escalationKey = (handlingUnitId: string, complaintId: string) => ({ pk: `UNIT#${handlingUnitId}`, sk: `ESCALATED#${complaintId}` });

/** The complaints a unit's discipline body handles, oldest first, each with the day its answer was escalated, if it was. */
export const complaintsHandledBy = async (unitId: string): Promise<Array<Complaint & { readonly escalatedOn: string | null }>> => {
  const [complaints, escalations] = await Promise.all([store.queryItems(`UNIT#${unitId}`, 'COMPLAINT#'), store.queryItems(`UNIT#${unitId}`, 'ESCALATED#')]);
  const escalated = new Map(escalations.map((e) => [String(e.complaintId), String(e.escalatedOn)]));
  return complaints.map(complaintOf).map((c) => ({ ...c, escalatedOn: escalated.get(c.complaintId) ?? null }));
};

/** A filing within its hour, if it was made before. */
export const getDedup = async (hash: string) => {
  const { pk, sk } = dedupKey(hash);
  return store.getItem(pk, sk);
};

/** The counters of every handling unit. */
export const figureCounters = async (): Promise<Map<string, Record<string, unknown>>> =>
  new Map((await queryPartition(table(), 'FIGURES', { consistent: true })).map((i) => [String(i.sk).slice('UNIT#'.length), i]));

/**
 * Counts one request of `key` in `scope` within the window that starts at `windowStart` (seconds)
 * and lasts `windowSeconds`: an unconditional ADD, so that concurrent requests all count. Gives the
 * count with this request.
 */
export const countRequest = async (scope: string, key: string, windowStart: number, windowSeconds: number): Promise<number> => {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk: `RATE#${scope}#${key}#${windowStart}`, sk: 'RATE' },
      UpdateExpression: 'ADD #count :one SET #kind = :kind, #ttl = :ttl',
      ExpressionAttributeNames: { '#count': 'count', '#kind': 'kind', '#ttl': ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':kind': 'rate', ':ttl': windowStart + 2 * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.count ?? 1);
};

const reads = accessLogIn(table);
/** Records that the caller read a complaint. Kept, never changed. */
export const recordAccess = reads.record;
export const accessLog = reads.of;
